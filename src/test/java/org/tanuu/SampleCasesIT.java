package org.tanuu;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The sample cases replayed against the packaged application, as a deployment runs it. */
@QuarkusIntegrationTest
class SampleCasesIT extends SampleCasesTest {
}
