package io.eventharness.emulator.sts;

import io.eventharness.emulator.core.Account;
import io.eventharness.emulator.core.EmulatorClock;
import io.eventharness.emulator.protocol.Call;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Who is calling, and whose an access key is. */
public final class IdentityOperations {
    private final EmulatorClock clock;
    private final Callers callers;

    IdentityOperations(EmulatorClock clock, Callers callers) {
        this.clock = clock;
        this.callers = callers;
    }

    /** GetCallerIdentity: the caller; ExpiredToken for temporary credentials past their expiration. */
    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest r, Call call) {
        Callers.Caller who = callers.of(call);
        if (who.temporary() && !clock.now().isBefore(who.expiration())) {
            throw StsErrors.expiredToken();
        }
        Identity id = who.identity();
        return GetCallerIdentityResponse.builder().account(Account.ID).arn(id.arn().toString()).userId(id.userId()).build();
    }

    /** GetAccessKeyInfo: every access key belongs to the one emulated account. */
    public GetAccessKeyInfoResponse getAccessKeyInfo(GetAccessKeyInfoRequest r) {
        StsLimits.length(r.accessKeyId(), "accessKeyId", 16, 128);
        return GetAccessKeyInfoResponse.builder().account(Account.ID).build();
    }
}
