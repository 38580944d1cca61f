package org.tanuu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The manifest the build writes for Kubernetes, read into fabric8's typed model: what an operator needs to run
 * replicas safely and to upgrade them.
 */
class KubernetesManifestIT {

    /** Each document of the file as its kind's class (Deployment, Service, Ingress, ...). */
    static List<HasMetadata> manifest() throws IOException {
        return Arrays.stream(Files.readString(Path.of("target/kubernetes/kubernetes.yml")).split("(?m)^---\\s*$"))
                .filter(document -> !document.isBlank()).map(document -> (HasMetadata) Serialization.unmarshal(document)).toList();
    }

    static <T extends HasMetadata> T only(Class<T> kind) throws IOException {
        List<T> found = manifest().stream().filter(kind::isInstance).map(kind::cast).toList();
        assertEquals(1, found.size(), "one " + kind.getSimpleName() + " in target/kubernetes/kubernetes.yml");
        return found.get(0);
    }

    static Container container() throws IOException {
        return only(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static Map<String, String> env() throws IOException {
        return container().getEnv().stream().filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    @Test
    void theDeploymentProbesHealthOnTheManagementPortAndLimitsItsResources() throws IOException {
        Container container = container();
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals(9000, container.getReadinessProbe().getHttpGet().getPort().getIntVal());
        assertEquals("512Mi", container.getResources().getLimits().get("memory").toString());
        assertEquals("384Mi", container.getResources().getRequests().get("memory").toString());
    }

    @Test
    void theStartupProbeLeavesRoomForASlowNode() throws IOException {
        Probe startup = container().getStartupProbe();
        int allowed = startup.getInitialDelaySeconds() + startup.getPeriodSeconds() * startup.getFailureThreshold();
        assertTrue(allowed >= 120, "a start of 38 s on a loaded node fits with room to spare: " + allowed + " s");
    }

    @Test
    void theDockerfilesJvmOptionsAreKeptAndTheHeapAndMetaspaceAreSizedForTheLimit() throws IOException {
        String options = env().get("JAVA_OPTS_APPEND");
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        for (String option : List.of("-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-XX:MaxRAMPercentage=50",
                "-XX:MaxMetaspaceSize=128m")) {
            assertTrue(dockerfile.contains(option), "the Dockerfile sets " + option);
            assertTrue(options.contains(option), "the manifest keeps " + option + ": " + options);
        }
    }

    @Test
    void thePodRunsAsNonRootOnAReadOnlyFileSystemWithAWritableTmpAndNoPrivileges() throws IOException {
        PodSpec pod = only(Deployment.class).getSpec().getTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        var container = pod.getContainers().get(0).getSecurityContext();
        assertTrue(container.getRunAsNonRoot());
        assertTrue(container.getReadOnlyRootFilesystem());
        assertFalse(container.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), container.getCapabilities().getDrop());
        assertEquals("RuntimeDefault", container.getSeccompProfile().getType());
        String tmp = pod.getContainers().get(0).getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError("/tmp is mounted")).getName();
        assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getName().equals(tmp) && v.getEmptyDir() != null), "/tmp is an emptyDir");
    }

    @Test
    void theSelectorsHoldNoVersionSoAnUpgradeApplies() throws IOException {
        Deployment deployment = only(Deployment.class);
        assertFalse(deployment.getSpec().getSelector().getMatchLabels().containsKey("app.kubernetes.io/version"));
        assertEquals("tanuu", deployment.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"));
        assertFalse(only(Service.class).getSpec().getSelector().containsKey("app.kubernetes.io/version"));
    }

    @Test
    void anIngressServesTheHostWithTls() throws IOException {
        Ingress ingress = only(Ingress.class);
        assertEquals("tanuu.example.org", ingress.getSpec().getRules().get(0).getHost());
        assertEquals("tanuu-tls", ingress.getSpec().getTls().get(0).getSecretName());
        assertEquals(List.of("tanuu.example.org"), ingress.getSpec().getTls().get(0).getHosts());
        assertEquals("true", env().get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"), "https redirects behind the Ingress");
    }

    @Test
    void theDeploymentListensBeyondLoopbackOnlyWithOidcAndReadsTheRuleBookFromTheConfigMap() throws IOException {
        Deployment deployment = only(Deployment.class);
        Container container = container();
        Map<String, String> env = env();
        assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST"));
        assertEquals("true", env.get("QUARKUS_OIDC_TENANT_ENABLED"));
        assertEquals("/deployments/rules", env.get("TANUU_RULES_DIR"));
        assertEquals("tanuu-oidc", container.getEnvFrom().get(0).getSecretRef().getName());
        var rules = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/deployments/rules")).findFirst().orElseThrow();
        assertTrue(rules.getReadOnly());
        var volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getName().equals(rules.getName()))
                .findFirst().orElseThrow();
        assertEquals("tanuu-rules", volume.getConfigMap().getName());
        assertEquals(0444, volume.getConfigMap().getDefaultMode(), "readable by user 185");
        assertEquals(2, deployment.getSpec().getReplicas());
    }
}
