/**
 * The bottom layer: the one listening port ({@link io.eventharness.emulator.http.JettyServer}, HTTP/1.1 and h2c on
 * one connector) and plain request and response values. It knows nothing of AWS: every request goes to one
 * {@link io.eventharness.emulator.http.HttpHandler}, the request pipeline. May import: {@code core}.
 */
package io.eventharness.emulator.http;
