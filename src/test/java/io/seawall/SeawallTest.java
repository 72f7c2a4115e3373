package io.seawall;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The whole application: real embedded engine, real database (see {@link TestDatabase}), real security. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "seawall.engine.directory=./target/engine/${random.uuid}",
    "seawall.engine.port=0",
    "seawall.engine.rest-port=0",
    "seawall.engine.clock-control=true",
    // Tests read the engine's records from the start of its log (ProcessJournal); a snapshot would let the
    // log below it be deleted under a reader once this shared context's log outgrows its first segment.
    "seawall.engine.snapshot-interval=24h"
})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
public @interface SeawallTest {}
