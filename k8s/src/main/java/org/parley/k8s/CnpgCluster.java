package org.parley.k8s;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * The part of CloudNativePG's {@code postgresql.cnpg.io/v1 Cluster} that Parley's component uses. fabric8
 * ships no model for it; these records are parsed strictly (an unknown field is an error), so a typo in
 * the component fails like one in a built-in kind.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// HasMetadata asks for fabric8's polymorphic deserializer, which would turn this into a generic resource.
@JsonDeserialize(using = JsonDeserializer.None.class)
public final class CnpgCluster implements HasMetadata {

    public static final String API_VERSION = "postgresql.cnpg.io/v1";
    public static final String KIND = "Cluster";

    private String apiVersion = API_VERSION;
    private String kind = KIND;
    private ObjectMeta metadata;
    private Spec spec;

    public record Spec(Integer instances, Storage storage, Bootstrap bootstrap, ResourceRequirements resources,
            String imageName) {
    }

    public record Storage(String size, String storageClass) {
    }

    public record Bootstrap(InitDb initdb) {
    }

    public record InitDb(String database, String owner, List<String> postInitApplicationSQL) {
    }

    @Override
    public ObjectMeta getMetadata() {
        return metadata;
    }

    @Override
    public void setMetadata(ObjectMeta metadata) {
        this.metadata = metadata;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Spec getSpec() {
        return spec;
    }

    public void setSpec(Spec spec) {
        this.spec = spec;
    }

    /** The Secret the operator creates for the application database, with these keys. */
    @JsonIgnore
    public String appSecretName() {
        return metadata.getName() + "-app";
    }

    public static final List<String> APP_SECRET_KEYS = List.of("username", "password", "user", "host", "port",
            "dbname", "uri", "jdbc-uri", "pgpass");
}
