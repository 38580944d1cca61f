package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest the build writes for Kubernetes holds what an operator needs to run replicas safely. */
class KubernetesManifestIT {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode deployment() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(Path.of("target/kubernetes/kubernetes.yml").toFile())
                .forEachRemaining(d -> documents.add((JsonNode) d));
        return documents.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst()
                .orElseThrow(() -> new AssertionError("target/kubernetes/kubernetes.yml has no Deployment"));
    }

    @Test
    void theDeploymentProbesHealthOnTheManagementPortAndLimitsItsResources() throws IOException {
        JsonNode container = deployment().at("/spec/template/spec/containers/0");
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals(9000, container.at("/readinessProbe/httpGet/port").asInt(), container.at("/readinessProbe").toString());
        assertEquals("512Mi", container.at("/resources/limits/memory").asText());
        assertEquals("384Mi", container.at("/resources/requests/memory").asText());
        assertTrue(container.at("/env").toString().contains("-XX:MaxRAMPercentage=50"), "the heap is sized for the limit");
    }

    @Test
    void theDeploymentListensBeyondLoopbackOnlyWithOidcAndReadsTheRuleBookFromTheConfigMap() throws IOException {
        JsonNode deployment = deployment();
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        String env = container.at("/env").toString();
        assertTrue(env.contains("\"QUARKUS_HTTP_HOST\"") && env.contains("\"0.0.0.0\""), env);
        assertTrue(env.contains("\"QUARKUS_OIDC_TENANT_ENABLED\"") && env.contains("\"true\""), env);
        assertTrue(env.contains("\"TANUU_RULES_DIR\"") && env.contains("\"/deployments/rules\""), env);
        assertEquals("tanuu-oidc", container.at("/envFrom/0/secretRef/name").asText(), container.at("/envFrom").toString());
        assertEquals("/deployments/rules", container.at("/volumeMounts/0/mountPath").asText());
        assertTrue(container.at("/volumeMounts/0/readOnly").asBoolean());
        assertEquals("tanuu-rules", deployment.at("/spec/template/spec/volumes/0/configMap/name").asText());
        assertEquals(0444, deployment.at("/spec/template/spec/volumes/0/configMap/defaultMode").asInt(), "readable by user 185");
        assertEquals(2, deployment.at("/spec/replicas").asInt());
    }
}
