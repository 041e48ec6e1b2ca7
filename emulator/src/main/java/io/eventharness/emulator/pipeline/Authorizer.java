package io.eventharness.emulator.pipeline;

import io.eventharness.emulator.protocol.Call;
import io.eventharness.emulator.protocol.OperationModel;
import io.eventharness.emulator.routing.ServiceBinding;

/**
 * Decides whether the call's principal may make the call, after it was decoded and before the operation runs: throws
 * the service's {@code AccessDenied} error when IAM's policies do not allow it.
 */
@FunctionalInterface
public interface Authorizer {
    /** Lets everything through: the emulator without policy enforcement. */
    Authorizer NONE = (service, op, request, call) -> {
    };

    void authorize(ServiceBinding service, OperationModel op, Object request, Call call);
}
