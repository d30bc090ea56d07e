package dev.rolehop.local.policy;

/** A policy statement's effect. */
public enum Effect {
    ALLOW,
    DENY
}
