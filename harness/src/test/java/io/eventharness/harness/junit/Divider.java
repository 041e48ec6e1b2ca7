package io.eventharness.harness.junit;

import java.util.Map;

/** A Java function for the failure story: the book's divider as a plain handler method, deployed from its class file. */
public class Divider {
    public int divide(Map<String, Integer> event) {
        System.out.println("dividing " + event.get("x") + " by " + event.get("y"));
        return event.get("x") / event.get("y");
    }
}
