/**
 * CloudWatch Logs filter patterns, parsed once and matched against events, as FilterLogEvents applies them:
 * {@link io.eventharness.emulator.logs.filter.FilterPattern#parse} reads terms ({@code TextPattern}), JSON
 * conditions ({@code JsonPattern}) or space-delimited fields ({@code DelimitedPattern}); {@code PatternLexer}
 * tokenizes the last two and {@code Comparison} is the {@code <op> <value>} test they share. A pattern that cannot
 * be parsed is a {@link io.eventharness.emulator.logs.filter.FilterPatternException}, which the Logs API reports as
 * {@code InvalidParameterException}.
 *
 * <p><b>Differs from AWS.</b> {@code %regex%} takes any Java regular expression; AWS accepts a subset (and at most
 * two per pattern), so a pattern that works here may be refused there.
 *
 * <p>May import: {@code core}.
 */
package io.eventharness.emulator.logs.filter;
