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
    "seawall.engine.clock-control=true"
})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
public @interface SeawallTest {}
