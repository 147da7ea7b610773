package dev.flotilla.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.RunningTopology;
import dev.flotilla.Service;
import dev.flotilla.ServiceHandle;
import dev.flotilla.Topology;
import dev.flotilla.engine.Labels;
import dev.flotilla.support.DockerState;
import org.junit.jupiter.api.Test;

/** Mounts, user, working directory and hosts declared on @Service, as compose files declare them. */
@Topology
@Service(name = "writer", image = "busybox:1.36", command = {"sh", "-c", "echo shared > /shared/note && exec sleep 600"},
        volumes = "notes:/shared")
@Service(name = "box", image = "busybox:1.36", command = {"sleep", "600"}, dependsOn = "writer",
        volumes = {"notes:/data", "./src/test/resources/compose/shop/initdb:/init:ro", "/anonymous"},
        tmpfs = "/scratch:size=1m", user = "1000:1000", workingDir = "/data", extraHosts = "legacy.internal:10.0.0.7")
class StorageAnnotationsTest {

    @Test
    void theServiceRunsWithTheDeclaredMountsUserDirectoryAndHosts(ServiceHandle box, RunningTopology topology) {
        assertThat(box.exec("cat", "/data/note").stdout()).as("a volume shared with writer").isEqualTo("shared\n");
        assertThat(DockerState.volumes(Labels.TOPOLOGY, topology.instanceId())).as("one Docker volume for the instance").isEqualTo(1);
        assertThat(box.exec("cat", "/init/001-products.sql").stdout()).contains("create table products");
        assertThat(box.exec("sh", "-c", "touch /init/x 2>&1; echo $?").stdout()).as("read-only").doesNotEndWith("\n0\n");
        assertThat(box.exec("grep", " /scratch ", "/proc/mounts").stdout()).startsWith("tmpfs /scratch tmpfs").contains("size=1024k");
        assertThat(box.exec("id", "-u").stdout().strip()).isEqualTo("1000");
        assertThat(box.exec("pwd").stdout().strip()).isEqualTo("/data");
        assertThat(box.exec("cat", "/etc/hosts").stdout()).contains("10.0.0.7\tlegacy.internal");
    }
}
