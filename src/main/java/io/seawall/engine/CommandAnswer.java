package io.seawall.engine;

import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.intent.Intent;

/**
 * What the engine answered to a command written on behalf of Seawall's own engine endpoints: the
 * follow-up intent and record value (MessagePack) when accepted, or why it was rejected.
 */
record CommandAnswer(
    long key, Intent intent, RejectionType rejectionType, String rejectionReason, byte[] value) {

  boolean rejected() {
    return rejectionType != null && rejectionType != RejectionType.NULL_VAL;
  }
}
