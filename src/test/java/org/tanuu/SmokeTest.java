package org.tanuu;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest {
    @Test
    void smoke() {
        String out = given().contentType("application/json")
            .body("{\"answers\": {\"person.age\": 15, \"person.ageBasis\": \"DOCUMENT\", \"act.recruited\": \"YES\", \"purpose.forcedWork\": \"YES\"}}")
            .post("/identify").then().extract().asString();
        System.out.println("OUT " + out);
    }
}
