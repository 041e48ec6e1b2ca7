/**
 * AWS Lambda's API (restJson1): functions, published versions and aliases, resource policies
 * ({@code AddPermission}), asynchronous-invocation settings ({@code EventInvokeConfig}), reserved concurrency,
 * tags, {@code GetAccountSettings}, event source mappings for SQS and Kinesis ({@code lambda.mappings}), and {@code Invoke} — synchronous, asynchronous ({@code Event}, with retries,
 * a dead-letter queue and destinations) and {@code DryRun}. Functions run in the sandbox processes of
 * {@code lambda.runtime}; other services invoke them through {@code delivery} ({@code arn:aws:lambda:…}).
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@link io.eventharness.emulator.lambda.LambdaService} — the {@code EmulatedService}: builds the state, the
 *       invocation machinery and the operation objects, registers the {@code delivery} target, and offers the
 *       in-JVM API ({@code deploymentPackage}, {@code allows}). No operation methods of its own.</li>
 *   <li>State, knowing nothing of HTTP: {@code LambdaFunctions} (the registry, by name) and {@code LambdaFunction}
 *       ({@code $LATEST}, versions, aliases, policy, {@code EventInvokeConfig}s, reserved concurrency, tags), which
 *       changes only through its own methods under its own monitor; {@code FunctionSettings} (one version's
 *       configuration, immutable), {@code FunctionCode} (a version's handle on its deployment package), {@code CodeCache} and
 *       {@code Unpacked} (each package unpacked once per content, keyed by its SHA-256, and kept a while after its
 *       last function goes, so that redeploying the same code costs no unpacking), {@code FunctionPolicy}
 *       (held by its function).</li>
 *   <li>Operations, {@code FooResponse foo(FooRequest[, Call])} each in one class: {@code FunctionOperations},
 *       {@code VersionOperations}, {@code AliasOperations}, {@code InvokeOperations}, {@code PermissionOperations},
 *       {@code EventInvokeConfigOperations}, {@code ConcurrencyOperations}, {@code TagOperations}. They are public
 *       because the request pipeline calls them by reflection; their constructors are not.
 *       {@code FunctionSettingsFactory} validates what {@code CreateFunction} and the updates give.</li>
 *   <li>Running functions: {@code Invoker} (one synchronous invocation of a function version within its
 *       {@code Concurrency}, recorded in the trail — every way of invoking ends there), {@code AsyncInvoker} (the
 *       asynchronous queue: retries on the emulator clock, then {@code Destinations}), {@code FunctionEngine}
 *       (what the API needs of {@code lambda.runtime}) and {@code RunnerCache} (that engine over its sandboxes).</li>
 *   <li>Values: {@code FunctionName} (the {@code FunctionName} parameter and the grammar of function ARNs, over
 *       {@code core.Arn}), {@code AsyncSettings}, {@code AsyncEvent}; {@code LambdaErrors}; {@code LambdaEnvironment}
 *       (what Lambda needs from other services, filled in by {@code Services}).</li>
 * </ul>
 *
 * <p><b>Event source mappings</b> live in the sub-package {@code lambda.mappings}: their state, their
 * {@code EventSourceMappingOperations} (added to this service's operations) and their pollers, which invoke a function
 * with a batch through the {@code Invoker} (synchronous, within the function's
 * concurrency, in the trail). The sub-package declares what it needs of functions ({@code MappedFunctions}) and
 * {@code MappingFunctions} fills it in here, so that it does not depend on this package; the queues and streams it
 * reads come through {@code delivery} ({@code LambdaEnvironment.queues()}, {@code LambdaEnvironment.streams()}). {@code TagOperations} tags mappings by their ARN.
 *
 * <h2>How it differs from AWS</h2>
 * <ul>
 *   <li>One account ({@code 000000000000}); function names are one namespace across regions, each function's ARN
 *       keeping the region it was created in.</li>
 *   <li>{@code CreateFunction} answers {@code State: Pending} and the function is {@code Active} before the next
 *       call; an update answers {@code LastUpdateStatus: InProgress} and is {@code Successful} at once.</li>
 *   <li>Only the runtimes {@code lambda.runtime} runs (Java, Python, Node.js, {@code provided.*}) whose interpreter is
 *       installed: {@code CreateFunction} and {@code UpdateFunctionConfiguration} refuse another with
 *       {@code InvalidParameterValueException} naming those it runs ({@code FunctionEngine.requireRuntime}).</li>
 *   <li>Only .zip packages (a container image is refused with {@code InvalidParameterValueException});
 *       {@code Code.Location} is the emulator's own URL ({@code LambdaService.CODE_PATH}), not a presigned S3 URL.
 *       Functions with the same code share one unpacked task root (read-only in AWS); code from S3
 *       ({@code S3Bucket}/{@code S3Key}) is read from the emulated S3, whose verified {@code x-amz-checksum-sha256}
 *       then serves as the {@code CodeSha256}; {@code S3ObjectVersion} is not consulted (S3 versioning is not
 *       emulated).</li>
 *   <li>An alias's {@code RoutingConfig} is stored, not applied; the resource policy is enforced only for services
 *       that deliver events (SNS, S3), as IAM is nowhere enforced; provisioned concurrency is not emulated.</li>
 *   <li>Asynchronous events wait for a fixed number of workers ({@code --lambda-async-workers}) rather than being
 *       drained at each function's concurrency; retries fall due on the emulator clock.</li>
 *   <li>Operations not listed above (layers, function URLs, code signing, ...) answer 501 {@code NotImplemented},
 *       naming the operation. Event source mappings: see {@code lambda.mappings}.</li>
 * </ul>
 *
 * <p>May import: {@code core}, {@code protocol}, {@code delivery}, {@code faults} (an armed fault of a function fails
 * its invocation before it runs), {@code lambda.runtime}, {@code lambda.mappings}.
 */
package io.eventharness.emulator.lambda;
