package io.seawall;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * One package per capability, with dependencies pointing inward: no cycles, and no reaching into
 * another capability's internals (DESIGN.md "Shape of the code").
 */
class ModuleBordersTest {

  @Test
  void capabilitiesDependOnEachOthersPublicFaceOnlyAndWithoutCycles() {
    ApplicationModules.of(SeawallApplication.class).verify();
  }
}
