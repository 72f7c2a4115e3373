package io.seawall.replies;

import java.util.List;

/** A macro as the list shows it: which languages it is written in, not its text. */
public record MacroSummary(String key, String title, List<String> languages) {}
