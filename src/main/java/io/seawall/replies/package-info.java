/**
 * Agents writing to buyers from a case: replies as free text or from a macro (a saved reply, per
 * language, filled from the case store), sent through the case's outbox.
 */
package io.seawall.replies;
