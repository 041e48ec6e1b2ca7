/**
 * Deploying test functions: deployment packages from folders ({@link io.eventharness.harness.deploy.Zips}) and the
 * execution role they run with ({@link io.eventharness.harness.deploy.ExecutionRole}: what the harness's deploy and
 * wiring helpers need on a real account, one role per run), and the role EventBridge Scheduler assumes to reach the
 * targets of the schedules the harness wires ({@link io.eventharness.harness.deploy.SchedulerRole}, one per run too).
 *
 * <p>Imports the AWS SDK; nothing of the harness.
 */
package io.eventharness.harness.deploy;
