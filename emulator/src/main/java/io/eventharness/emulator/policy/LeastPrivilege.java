package io.eventharness.emulator.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventharness.emulator.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The policies a run's denials ask for: for each role or user that was denied, one identity-based policy document
 * whose statements allow exactly what was denied (one statement per resource, its actions sorted); for a service or
 * an anonymous caller, the resource-based statements each resource needs. Explicit denies are left out: no Allow
 * overrides them. What a user pastes into their infrastructure code, least privilege by construction.
 *
 * <pre>{@code
 * Map<String, ObjectNode> policies = LeastPrivilege.policies(denials); // "role orders-role" -> {"Version":...}
 * }</pre>
 */
public final class LeastPrivilege {
    private LeastPrivilege() {
    }

    /**
     * By whom the policy is for ({@code role orders-role}, {@code user dev}, {@code resource arn:aws:sqs:…}), in
     * the order of the first denial of each.
     */
    public static Map<String, ObjectNode> policies(List<Decision> denials) {
        Map<String, Map<String, TreeSet<String>>> byOwner = new LinkedHashMap<>(); // owner -> resource -> actions
        Map<String, Decision> firstOf = new LinkedHashMap<>();
        for (Decision d : denials) {
            if (d.outcome() != Decision.Outcome.IMPLICIT_DENY) {
                continue;
            }
            String owner = owner(d);
            firstOf.putIfAbsent(owner, d);
            byOwner.computeIfAbsent(owner, k -> new LinkedHashMap<>())
                    .computeIfAbsent(d.request().resource(), k -> new TreeSet<>()).add(d.request().action());
        }
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        byOwner.forEach((owner, resources) -> {
            ObjectNode doc = Json.MAPPER.createObjectNode().put("Version", "2012-10-17");
            ArrayNode statements = doc.putArray("Statement");
            Principal p = firstOf.get(owner).request().principal();
            resources.forEach((resource, actions) -> {
                ObjectNode s = statements.addObject().put("Effect", "Allow");
                if (p.kind() == Principal.Kind.SERVICE) {
                    s.putObject("Principal").put("Service", p.serviceName());
                } else if (p.kind() == Principal.Kind.ANONYMOUS) {
                    s.put("Principal", "*");
                }
                List<String> list = new ArrayList<>(actions);
                if (list.size() == 1) {
                    s.put("Action", list.get(0));
                } else {
                    ArrayNode a = s.putArray("Action");
                    list.forEach(a::add);
                }
                s.put("Resource", resource);
            });
            out.put(owner, doc);
        });
        return out;
    }

    private static String owner(Decision d) {
        Principal p = d.request().principal();
        return switch (p.kind()) {
            case ASSUMED_ROLE -> "role " + p.roleArn().resourceName();
            case USER -> "user " + p.userName();
            default -> "resource " + d.request().resource();
        };
    }
}
