/**
 * Deploying test functions: deployment packages made once per content ({@link io.eventharness.harness.deploy.Packages}:
 * a file as it is, a folder, compiled classes with jars in {@code lib/}; each a
 * {@link io.eventharness.harness.deploy.CodePackage} with its SHA-256), the module's runtime jars read from the test
 * class path ({@link io.eventharness.harness.deploy.ModuleClasspath}), how a package reaches Lambda
 * ({@link io.eventharness.harness.deploy.CodeStaging}: in the request, or once per content through the run's code
 * bucket), and the execution role functions run with ({@link io.eventharness.harness.deploy.ExecutionRole}: what the
 * harness's deploy and wiring helpers need on a real account, one role per run), and the role EventBridge Scheduler
 * assumes to reach the targets of the schedules the harness wires ({@link io.eventharness.harness.deploy.SchedulerRole},
 * one per run too).
 *
 * <p>Imports the AWS SDK; nothing of the harness.
 */
package io.eventharness.harness.deploy;
