package io.eventharness.emulator.protocol;

/** The two ways {@link SdkRoutes} reads a client's routes, as text, for tests outside this package. */
public final class SdkRoutesAccess {
    private SdkRoutesAccess() {
    }

    /** The table the build wrote for this SDK, or null. */
    public static String written(Class<?> sdkClient) {
        SdkRoutes r = SdkRoutes.read(sdkClient);
        return r == null ? null : r.text();
    }

    public static String fromClasses(Class<?> sdkClient) {
        return SdkRoutes.compute(sdkClient).text();
    }
}
