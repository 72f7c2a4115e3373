package io.seawall.replies;

import java.time.Instant;
import java.util.Map;

/** A saved reply: its title for agents and its text per language, with placeholders. */
public record Macro(String key, String title, Map<String, String> bodies, String updatedBy, Instant updatedAt) {}
