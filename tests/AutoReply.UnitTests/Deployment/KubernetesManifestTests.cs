using AutoReply.Ingress.Access;
using AutoReply.ServiceDefaults.Health;
using AutoReply.ServiceDefaults.Http;
using AutoReply.ServiceDefaults.Telemetry;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using AutoReply.Ingress;
using AutoReply.Ingress.Webhooks;
using AutoReply.Sender;
using AutoReply.Sender.Provider;
using AutoReply.Web;
using AutoReply.Web.Rules;
using AutoReply.Security;
using MassTransit;
using Microsoft.Extensions.Hosting;
using YamlDotNet.RepresentationModel;
using AutoReply.Rules;
using AutoReply.Rules.Outbox;
using AutoReply.Rules.Scheduling;
using AutoReply.RulesApi;
using AutoReply.Migrator;
using AutoReply.Domain.Facts;

namespace AutoReply.UnitTests.Deployment;

/// <summary>
/// The Kubernetes manifests in deploy/kubernetes, every overlay as <c>kubectl kustomize</c> renders it
/// (with the secrets made from the committed <c>*.env.example</c> files): valid against the schemas of
/// Kubernetes, KEDA and the Prometheus Operator; every pod within the restricted Pod Security Standard;
/// each service's network traffic what its code does; and against the code: the environment each
/// Deployment gets is what its service reads, and the queues KEDA watches are the ones MassTransit consumes.
/// kubectl and the validator come from eng/install-manifest-tools.sh; without them these tests fail.
/// </summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => ["development", "production"];

    public static TheoryData<string, string> OverlaysAndConsumerServices =>
        [.. ((string[])["development", "production"]).SelectMany(overlay => new[] { (overlay, "rules"), (overlay, "sender") })];

    private const string RabbitMq = $"ConnectionStrings__{MessageBusRegistration.ConnectionName}";
    private const string Redis = $"ConnectionStrings__{DataRegistration.RedisConnectionName}";
    private const string Database = $"ConnectionStrings__{DataRegistration.DatabaseConnectionName}";
    private const string ApiKey = ApiKeyAuthentication.KeyVariable;
    private const string AdminKey = ApiKeyAuthentication.AdminKeyVariable;

    /// <summary>Read by every service: telemetry (the OpenTelemetry SDK's own variables) and the consumer retries.</summary>
    private static readonly string[] EveryService =
    [
        "OTEL_SERVICE_NAME",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "OTEL_EXPORTER_OTLP_HEADERS",
        "OTEL_RESOURCE_ATTRIBUTES",
        "OTEL_TRACES_SAMPLER",
        "OTEL_TRACES_SAMPLER_ARG",
        "Messaging__RetryLimit",
        "Messaging__BacklogInterval",
        $"{HealthReportAccess.Section}__{nameof(HealthReportAccess.ReportKey)}",
        $"{ProxyOptions.Section}__{nameof(ProxyOptions.ForwardLimit)}",
        $"{MetricsEndpointOptions.Section}__{nameof(MetricsEndpointOptions.Port)}",
        "ASPNETCORE_HTTP_PORTS",
    ];


    /// <summary>Open-ended sections every service reads (log levels are keyed by category; the known proxies are a list).</summary>
    private static readonly string[] EveryServicePrefixes = ["Logging__", $"{ProxyOptions.Section}__{nameof(ProxyOptions.KnownNetworks)}__"];

    /// <summary>Each Deployment by name: its service's code, the names it cannot start without, and every name it reads.</summary>
    private static readonly Dictionary<string, ServiceConfiguration> Services = new()
    {
        ["ingress"] = new(
            typeof(IngressRegistration).Assembly,
            Requires: [RabbitMq, Redis, $"{ProviderWebhookOptions.Section}__{nameof(ProviderWebhookOptions.AuthToken)}"],
            Reads: [.. EveryService, ApiKey, .. OptionNames<ProviderWebhookOptions>(ProviderWebhookOptions.Section), .. OptionNames<KeyCheckOptions>(KeyCheckOptions.Section)]),
        ["rules"] = new(
            typeof(EngineRegistration).Assembly,
            Requires: [RabbitMq, Redis, Database],
            Reads: [.. EveryService, .. OptionNames<SendBudgetOptions>(SendBudgetOptions.Section), .. OptionNames<LoopGuardOptions>(LoopGuardOptions.Section), .. OptionNames<OutboxOptions>(OutboxOptions.Section), .. OptionNames<SchedulingOptions>(SchedulingOptions.Section)]),
        ["rules-api"] = new(
            typeof(RulesApiRegistration).Assembly,
            Requires: [Redis, Database, AdminKey],
            Reads: [.. EveryService, ApiKey, .. OptionNames<SendBudgetOptions>(SendBudgetOptions.Section), .. OptionNames<LoopGuardOptions>(LoopGuardOptions.Section)]),
        ["sender"] = new(
            typeof(SenderRegistration).Assembly,
            Requires: [RabbitMq, Database, .. RequiredOptionNames<ProviderOptions>(ProviderOptions.Section)],
            Reads: [.. EveryService, .. OptionNames<ProviderOptions>(ProviderOptions.Section)]),
        ["web"] = new(
            typeof(WebRegistration).Assembly,
            Requires: [Redis],
            Reads: [.. EveryService, .. OptionNames<RulesApiOptions>(RulesApiOptions.Section)]),
    };


    /// <summary>The Job that runs the migrations before the services roll out.</summary>
    private static readonly Dictionary<string, ServiceConfiguration> Jobs = new()
    {
        ["migrations"] = new(
            typeof(SchemaMigrations).Assembly,
            Requires: [Database, .. OptionNames<MigrationOptions>(MigrationOptions.Section)],
            Reads: [.. EveryService, .. OptionNames<MigrationOptions>(MigrationOptions.Section)]),
    };

    private static readonly ConcurrentDictionary<string, Lazy<Manifests>> Rendered = new();

    private static Manifests Render(string overlay) =>
        Rendered.GetOrAdd(overlay, name => new Lazy<Manifests>(() => Manifests.Load(name))).Value;

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_service_has_a_deployment_and_every_deployment_is_a_known_service(string overlay)
    {
        var manifest = Render(overlay);
        Assert.Equal(
            Services.Keys.Order(StringComparer.Ordinal),
            manifest.OfKind("Deployment").Select(NameOf).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_deployment_reads_only_configuration_its_service_knows(string overlay)
    {
        var manifest = Render(overlay);
        var unknown = new List<string>();
        foreach (var (deployment, container) in Containers(manifest))
        {
            var service = Workload(deployment);
            unknown.AddRange(manifest.EnvironmentNames(container)
                .Where(name => !service.Knows(name))
                .Select(name => $"{deployment}: {name}"));
        }

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_deployment_gets_the_configuration_its_service_requires(string overlay)
    {
        var manifest = Render(overlay);
        var missing = new List<string>();
        foreach (var (deployment, container) in Containers(manifest))
        {
            var names = manifest.EnvironmentNames(container);
            missing.AddRange(Workload(deployment).Requires
                .Where(name => !names.Contains(name))
                .Select(name => $"{deployment}: {name}"));
        }

        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_key_of_the_config_maps_and_the_secret_is_read_by_some_service(string overlay)
    {
        var manifest = Render(overlay);
        var unread = manifest.OfKind("ConfigMap").Concat(manifest.Secrets)
            .SelectMany(source => Manifests.KeysOf(source).Select(key => (Source: NameOf(source), Key: key)))
            .Where(entry => !Services.Values.Concat(Jobs.Values).Any(service => service.Knows(entry.Key)))
            .Select(entry => $"{entry.Source}: {entry.Key}")
            .ToList();

        Assert.Empty(unread);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_config_map_secret_and_key_a_deployment_refers_to_exists(string overlay)
    {
        var manifest = Render(overlay);
        var dangling = new List<string>();
        foreach (var (deployment, container) in Containers(manifest))
        {
            foreach (var variable in container["env"].Items)
            {
                foreach (var (kind, reference) in new[] { ("ConfigMap", variable["valueFrom"]["configMapKeyRef"]), ("Secret", variable["valueFrom"]["secretKeyRef"]) })
                {
                    if (reference.Value is not null && reference["optional"].Text != "true"
                        && !manifest.Keys(kind, reference["name"].Text).Contains(reference["key"].Text ?? ""))
                    {
                        dangling.Add($"{deployment}: {variable["name"].Text} from {kind} {reference["name"].Text} key {reference["key"].Text}");
                    }
                }
            }

            foreach (var source in container["envFrom"].Items)
            {
                foreach (var (kind, reference) in new[] { ("ConfigMap", source["configMapRef"]), ("Secret", source["secretRef"]) })
                {
                    if (reference.Value is not null && reference["optional"].Text != "true" && manifest.Find(kind, reference["name"].Text) is null)
                    {
                        dangling.Add($"{deployment}: all of {kind} {reference["name"].Text}");
                    }
                }
            }
        }

        Assert.Empty(dangling);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_queue_a_scaled_object_watches_is_an_endpoint_of_a_consumer_of_the_service_it_scales(string overlay)
    {
        var manifest = Render(overlay);
        var strangers = new List<string>();
        foreach (var scaledObject in manifest.OfKind("ScaledObject"))
        {
            var target = TargetOf(scaledObject);
            var endpoints = Services.TryGetValue(target, out var service) ? ConsumerQueues(service) : [];
            strangers.AddRange(QueueTriggers(scaledObject)
                .Select(trigger => trigger["metadata"]["queueName"].Text ?? "(no queueName)")
                .Where(queue => !endpoints.Contains(queue))
                .Select(queue => $"{NameOf(scaledObject)} scales {target} on {queue}; {target} consumes [{string.Join(", ", endpoints)}]"));
        }

        Assert.Empty(strangers);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_migrations_job_runs_the_migrator_and_no_service_runs_migrations(string overlay)
    {
        var manifest = Render(overlay);
        var job = Assert.Single(manifest.OfKind("Job"));
        Assert.Equal("migrations", NameOf(job));
        Assert.Equal("Never", job["spec"]["template"]["spec"]["restartPolicy"].Text);
        Assert.All(Services.Values, service => Assert.DoesNotContain(service.Code.GetReferencedAssemblies(), name => name.Name == typeof(SchemaMigrations).Assembly.GetName().Name));
    }

    [Theory]
    [MemberData(nameof(OverlaysAndConsumerServices))]
    public void A_consumer_service_is_scaled_by_exactly_one_scaled_object_on_the_length_of_every_queue_it_consumes(string overlay, string deployment)
    {
        var manifest = Render(overlay);
        var scaledObject = Assert.Single(manifest.OfKind("ScaledObject"), candidate => TargetOf(candidate) == deployment);
        var triggers = QueueTriggers(scaledObject).ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, trigger => Assert.Equal("QueueLength", trigger["metadata"]["mode"].Text));
        Assert.Equal(
            ConsumerQueues(Services[deployment]).Order(StringComparer.Ordinal),
            triggers.Select(trigger => trigger["metadata"]["queueName"].Text ?? "").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Queue_triggers_authenticate_with_the_rabbitmq_connection_string_of_the_secret(string overlay)
    {
        var manifest = Render(overlay);
        var triggers = manifest.OfKind("ScaledObject").SelectMany(QueueTriggers).ToList();

        Assert.NotEmpty(triggers);
        foreach (var trigger in triggers)
        {
            var authentication = manifest.Find("TriggerAuthentication", trigger["authenticationRef"]["name"].Text);
            Assert.NotNull(authentication);
            var host = Assert.Single(authentication["spec"]["secretTargetRef"].Items, reference => reference["parameter"].Text == "host");
            Assert.Equal(RabbitMq, host["key"].Text);
            Assert.Contains(RabbitMq, manifest.Keys("Secret", host["name"].Text));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_deployment_is_scaled_by_one_autoscaler_never_by_both_an_hpa_and_a_scaled_object(string overlay)
    {
        var manifest = Render(overlay);
        var autoscalers = manifest.OfKind("HorizontalPodAutoscaler").Concat(manifest.OfKind("ScaledObject")).ToList();
        var miscounted = manifest.OfKind("Deployment")
            .Select(deployment => (Name: NameOf(deployment), Scalers: autoscalers.Where(scaler => TargetOf(scaler) == NameOf(deployment)).ToList()))
            .Where(deployment => deployment.Scalers.Count != 1)
            .Select(deployment => $"{deployment.Name}: [{string.Join(", ", deployment.Scalers.Select(scaler => $"{scaler["kind"].Text} {NameOf(scaler)}"))}]")
            .ToList();

        Assert.Empty(miscounted);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_deployment_is_probed_for_liveness_on_alive_and_for_readiness_on_health(string overlay)
    {
        var manifest = Render(overlay);
        var containers = Containers(manifest).ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers.Where(entry => Services.ContainsKey(entry.Deployment)), entry =>
        {
            Assert.Equal(ServiceDefaultsExtensions.AlivePath, entry.Container["livenessProbe"]["httpGet"]["path"].Text);
            Assert.Equal(ServiceDefaultsExtensions.HealthPath, entry.Container["readinessProbe"]["httpGet"]["path"].Text);
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_object_of_the_overlay_is_valid_against_the_kubernetes_keda_and_prometheus_operator_schemas(string overlay)
    {
        var manifest = Render(overlay);

        var (exitCode, output, errors) = Tools.Validate(manifest.Text);

        Assert.True(exitCode == 0, $"overlays/{overlay}:\n{output}{errors}");
        Assert.Contains($"valid: {manifest.Resources.Count} objects", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_rejects_invalid_objects_of_each_schema_and_objects_of_unknown_kinds()
    {
        const string Documents = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: broken-deployment}
            spec:
              replicas: two
              selector: {matchLabels: {app: x}}
              template:
                metadata: {labels: {app: x}}
                spec:
                  containers: [{name: x, image: x:1.0.0, resources: {limits: {memory: lots}}}]
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: broken-scaled-object}
            spec:
              scaleTargetRef: {name: x}
              minReplicaCount: one
              triggers: [{type: cpu, metadata: {value: "70"}}]
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata: {name: broken-rule}
            spec:
              groups: [{name: x, rules: [{alert: X, expr: up == 0, for: 5}]}]
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: unknown-kind}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: valid-service}
            spec:
              selector: {app: x}
              ports: [{name: http, port: 80, targetPort: http}]
            """;

        var (exitCode, output, _) = Tools.Validate(Documents);

        Assert.Equal(1, exitCode);
        Assert.Contains("Deployment broken-deployment", output, StringComparison.Ordinal);
        Assert.Contains("spec/replicas must be integer", output, StringComparison.Ordinal);
        Assert.Contains("limits/memory must match format \"quantity\"", output, StringComparison.Ordinal);
        Assert.Contains("ScaledObject broken-scaled-object", output, StringComparison.Ordinal);
        Assert.Contains("PrometheusRule broken-rule", output, StringComparison.Ordinal);
        Assert.Contains("Widget unknown-kind: no schema", output, StringComparison.Ordinal);
        Assert.DoesNotContain("valid-service", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_namespace_enforces_the_restricted_pod_security_standard_and_holds_every_object(string overlay)
    {
        var manifest = Render(overlay);
        var space = Assert.Single(manifest.OfKind("Namespace"));
        var labels = space["metadata"]["labels"];

        Assert.Equal("restricted", labels["pod-security.kubernetes.io/enforce"].Text);
        Assert.All(manifest.Resources.Where(resource => resource["kind"].Text != "Namespace"), resource =>
            Assert.Equal(NameOf(space), resource["metadata"]["namespace"].Text));
    }

    /// <summary>The restricted Pod Security Standard (and a little more) on every pod a Deployment or the Job makes.</summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_pod_meets_the_restricted_pod_security_standard(string overlay)
    {
        var manifest = Render(overlay);
        var allowedVolumes = new[] { "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret", "name" };
        var violations = new List<string>();
        var workloads = Workloads(manifest).ToList();
        Assert.NotEmpty(workloads);

        foreach (var (name, pod, _) in workloads)
        {
            void Check(bool condition, string what)
            {
                if (!condition)
                {
                    violations.Add($"{name}: {what}");
                }
            }

            var security = pod["securityContext"];
            Check(security["runAsNonRoot"].Text == "true", "pod securityContext.runAsNonRoot is not true");
            Check(security["seccompProfile"]["type"].Text == "RuntimeDefault", "pod seccompProfile is not RuntimeDefault");
            Check(security["runAsUser"].Text != "0", "pod runs as user 0");
            foreach (var host in new[] { "hostNetwork", "hostPID", "hostIPC" })
            {
                Check(pod[host].Text != "true", $"{host}");
            }

            Check(pod["automountServiceAccountToken"].Text == "false", "automountServiceAccountToken is not false");
            var account = pod["serviceAccountName"].Text;
            Check(account == name, $"service account {account ?? "(default)"}, not one of its own");
            Check(manifest.Find("ServiceAccount", account) is { } found && found["automountServiceAccountToken"].Text == "false",
                $"no ServiceAccount {account} without a token");

            var emptyDirs = pod["volumes"].Items.Where(volume => volume["emptyDir"].Value is not null).Select(volume => volume["name"].Text).ToList();
            foreach (var volume in pod["volumes"].Items)
            {
                Check(volume.Keys.All(allowedVolumes.Contains), $"volume {volume["name"].Text} of a kind the standard forbids ({string.Join(", ", volume.Keys)})");
            }

            foreach (var container in pod["containers"].Items.Concat(pod["initContainers"].Items))
            {
                var context = container["securityContext"];
                var what = $"container {container["name"].Text}";
                Check(context["allowPrivilegeEscalation"].Text == "false", $"{what}: allowPrivilegeEscalation is not false");
                Check(context["privileged"].Text != "true", $"{what}: privileged");
                Check(context["runAsUser"].Text != "0", $"{what}: runs as user 0");
                Check(context["readOnlyRootFilesystem"].Text == "true", $"{what}: the root filesystem is writable");
                Check(context["capabilities"]["drop"].Items.Any(capability => capability.Text == "ALL"), $"{what}: capabilities not dropped");
                Check(context["capabilities"]["add"].Items.All(capability => capability.Text == "NET_BIND_SERVICE"), $"{what}: adds capabilities");
                Check(container["ports"].Items.All(port => port["hostPort"].Value is null), $"{what}: a host port");
                Check(container["volumeMounts"].Items.Any(mount => mount["mountPath"].Text == "/tmp" && emptyDirs.Contains(mount["name"].Text)),
                    $"{what}: no emptyDir at /tmp, where .NET writes on a read-only root");
            }
        }

        Assert.Empty(violations);
        Assert.Equal(workloads.Count, workloads.Select(workload => workload.Pod["serviceAccountName"].Text).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_container_requests_cpu_and_memory_and_has_a_memory_limit(string overlay)
    {
        var manifest = Render(overlay);

        Assert.All(Containers(manifest), entry =>
        {
            var resources = entry.Container["resources"];
            Assert.NotNull(resources["requests"]["cpu"].Text);
            Assert.NotNull(resources["requests"]["memory"].Text);
            Assert.NotNull(resources["limits"]["memory"].Text);
        });
    }

    /// <summary>
    /// A terminating pod keeps serving for the preStop sleep while it leaves the Service's endpoints, then
    /// .NET stops within its 30 s shutdown timeout: the grace period covers both.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_deployment_sleeps_before_it_stops_and_its_grace_period_covers_the_sleep_and_the_shutdown(string overlay)
    {
        var manifest = Render(overlay);
        var shutdown = new HostOptions().ShutdownTimeout;

        Assert.All(manifest.OfKind("Deployment"), deployment =>
        {
            var pod = deployment["spec"]["template"]["spec"];
            var container = Assert.Single(pod["containers"].Items);
            var sleep = int.Parse(container["lifecycle"]["preStop"]["sleep"]["seconds"].Text ?? "0", CultureInfo.InvariantCulture);
            var grace = int.Parse(pod["terminationGracePeriodSeconds"].Text ?? "30", CultureInfo.InvariantCulture);

            Assert.InRange(sleep, 1, 30);
            Assert.True(grace >= sleep + shutdown.TotalSeconds, $"{NameOf(deployment)}: grace period {grace} s for a {sleep} s sleep and a {shutdown.TotalSeconds} s shutdown");
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_image_is_tagged_by_a_version_never_latest(string overlay)
    {
        var manifest = Render(overlay);

        Assert.All(Containers(manifest), entry =>
        {
            var image = entry.Container["image"].Text ?? "";
            var tag = image.LastIndexOf(':') > image.LastIndexOf('/') ? image[(image.LastIndexOf(':') + 1)..] : "";
            Assert.Matches(@"^\d+\.\d+\.\d+([-+.][0-9A-Za-z.-]+)?$", tag);
        });
    }

    /// <summary>
    /// The NetworkPolicies, read as the cluster applies them (the union of every policy selecting a pod), against
    /// who calls whom: the servers each service's code needs, ingress and web calling the rules API (AppHost),
    /// sender the SMS provider on 443, the ingress controller reaching ingress and web only, Prometheus every service.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Network_policies_deny_by_default_and_allow_each_service_only_the_traffic_it_needs(string overlay)
    {
        var manifest = Render(overlay);
        var policies = manifest.OfKind("NetworkPolicy").ToList();

        Assert.Contains(policies, policy =>
            !policy["spec"]["podSelector"].Keys.Any()
            && policy["spec"]["policyTypes"].Items.Select(type => type.Text).Order(StringComparer.Ordinal).SequenceEqual(BothPolicyTypes)
            && !policy["spec"]["ingress"].Items.Any() && !policy["spec"]["egress"].Items.Any());

        var pods = Workloads(manifest).ToDictionary(workload => workload.Name, workload => workload.Labels);
        var describedIngress = new SortedSet<string>(StringComparer.Ordinal);
        var describedEgress = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, labels) in pods)
        {
            foreach (var rule in RulesFor(policies, labels, "Ingress", "ingress"))
            {
                Assert.True(rule["ports"].Items.Any(), $"{name} lets traffic in on every port");
                Assert.True(rule["from"].Items.Any(), $"{name} lets traffic in from anywhere");
                foreach (var peer in rule["from"].Items)
                {
                    foreach (var port in rule["ports"].Items)
                    {
                        describedIngress.Add($"{name} <- {DescribePeer(peer, pods)}:{port["port"].Text}");
                    }
                }
            }

            foreach (var rule in RulesFor(policies, labels, "Egress", "egress"))
            {
                Assert.True(rule["ports"].Items.Any(), $"{name} may send to every port");
                var peers = rule["to"].Items.Any() ? rule["to"].Items.Select(peer => DescribePeer(peer, pods)).ToList() : ["anywhere"];
                foreach (var peer in peers)
                {
                    foreach (var port in rule["ports"].Items)
                    {
                        describedEgress.Add($"{name} -> {peer}:{port["port"].Text}/{port["protocol"].Text ?? "TCP"}");
                    }
                }
            }
        }

        var expectedIngress = new SortedSet<string>(StringComparer.Ordinal)
        {
            "ingress <- namespace ingress-nginx:8080",
            "web <- namespace ingress-nginx:8080",
            "rules-api <- ingress:8080",
            "rules-api <- web:8080",
        };
        var expectedEgress = new SortedSet<string>(StringComparer.Ordinal)
        {
            "ingress -> rules-api:8080/TCP",
            "web -> rules-api:8080/TCP",
            "sender -> public internet:443/TCP",
        };
        foreach (var (name, _) in pods)
        {
            if (name != "migrations")
            {
                expectedIngress.Add($"{name} <- namespace monitoring:9464");
            }
            expectedEgress.Add($"{name} -> kube-system kube-dns:53/UDP");
            expectedEgress.Add($"{name} -> kube-system kube-dns:53/TCP");
            expectedEgress.Add($"{name} -> namespace observability:4317/TCP");
            foreach (var (connection, port) in ServerPorts)
            {
                if (Workload(name).Requires.Contains(connection))
                {
                    expectedEgress.Add($"{name} -> anywhere:{port}/TCP");
                }
            }
        }

        Assert.Equal(expectedIngress, describedIngress);
        Assert.Equal(expectedEgress, describedEgress);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_ingress_routes_the_events_api_and_the_provider_webhooks_to_ingress_and_people_to_web(string overlay)
    {
        var manifest = Render(overlay);
        var route = Assert.Single(manifest.OfKind("Ingress"));
        Assert.Equal("networking.k8s.io/v1", route["apiVersion"].Text);
        var rules = route["spec"]["rules"].Items.ToList();

        string? ServiceFor(string host, string path) => rules
            .Where(rule => rule["host"].Text == host)
            .SelectMany(rule => rule["http"]["paths"].Items)
            .Where(entry => entry["pathType"].Text == "Prefix" && (path == entry["path"].Text || path.StartsWith(entry["path"].Text!.TrimEnd('/') + "/", StringComparison.Ordinal)))
            .OrderByDescending(entry => entry["path"].Text!.Length)
            .Select(entry => entry["backend"]["service"]["name"].Text)
            .FirstOrDefault();

        var publicBaseUrl = new Uri(Setting(manifest, "ingress-config", $"{ProviderWebhookOptions.Section}__{nameof(ProviderWebhookOptions.PublicBaseUrl)}"));
        var statusCallback = Setting(manifest, "sender-config", $"{ProviderOptions.Section}__{nameof(ProviderOptions.StatusCallbackUrl)}");
        var apiHost = publicBaseUrl.Host;
        var appHost = Assert.Single(rules.Select(rule => rule["host"].Text), host => host != apiHost);

        Assert.Equal("ingress", ServiceFor(apiHost, "/v1/events"));
        Assert.Equal("ingress", ServiceFor(apiHost, "/v1/events/batch"));
        Assert.Equal("ingress", ServiceFor(apiHost, "/webhooks/provider/status"));
        Assert.Equal("ingress", ServiceFor(apiHost, "/webhooks/provider/messages"));
        Assert.Null(ServiceFor(apiHost, ServiceDefaultsExtensions.MetricsPath));
        Assert.Equal("web", ServiceFor(appHost!, "/"));
        Assert.Equal($"{publicBaseUrl.GetLeftPart(UriPartial.Authority)}/webhooks/provider/status", statusCallback);
        Assert.All(rules.SelectMany(rule => rule["http"]["paths"].Items), entry =>
        {
            var service = manifest.Find("Service", entry["backend"]["service"]["name"].Text);
            Assert.NotNull(service);
            Assert.Contains(service["spec"]["ports"].Items, port => port["name"].Text == entry["backend"]["service"]["port"]["name"].Text);
        });
    }

    [Fact]
    public void Production_serves_every_host_over_tls_and_the_provider_reaches_it_by_https()
    {
        var manifest = Render("production");
        var route = Assert.Single(manifest.OfKind("Ingress"));
        var tls = route["spec"]["tls"].Items.ToList();

        Assert.NotEmpty(tls);
        Assert.All(tls, entry => Assert.False(string.IsNullOrEmpty(entry["secretName"].Text)));
        Assert.Equal(
            route["spec"]["rules"].Items.Select(rule => rule["host"].Text).Order(StringComparer.Ordinal),
            tls.SelectMany(entry => entry["hosts"].Items).Select(host => host.Text).Order(StringComparer.Ordinal));
        Assert.StartsWith("https://", Setting(manifest, "ingress-config", $"{ProviderWebhookOptions.Section}__{nameof(ProviderWebhookOptions.PublicBaseUrl)}"), StringComparison.Ordinal);
        Assert.StartsWith("https://", Setting(manifest, "sender-config", $"{ProviderOptions.Section}__{nameof(ProviderOptions.StatusCallbackUrl)}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_keeps_a_pod_of_every_service_through_disruptions_and_spreads_them_over_zones_and_nodes()
    {
        var manifest = Render("production");
        var budgets = manifest.OfKind("PodDisruptionBudget").ToList();

        Assert.All(manifest.OfKind("Deployment"), deployment =>
        {
            var podLabels = Labels(deployment["spec"]["template"]["metadata"]);
            var budget = Assert.Single(budgets, candidate => Matches(candidate["spec"]["selector"]["matchLabels"], podLabels));
            Assert.True(budget["spec"]["minAvailable"].Text == "1" || budget["spec"]["maxUnavailable"].Text == "1", $"{NameOf(budget)}");

            var spread = deployment["spec"]["template"]["spec"]["topologySpreadConstraints"].Items.ToList();
            Assert.Equal(
                SpreadKeys,
                spread.Select(constraint => constraint["topologyKey"].Text).Order(StringComparer.Ordinal));
            Assert.All(spread, constraint => Assert.Contains(constraint["matchLabelKeys"].Items, key => key.Text == "app.kubernetes.io/name"));
        });
        Assert.All(manifest.OfKind("HorizontalPodAutoscaler"), scaler => Assert.True(int.Parse(scaler["spec"]["minReplicas"].Text!, CultureInfo.InvariantCulture) >= 2));
        Assert.All(manifest.OfKind("ScaledObject"), scaler => Assert.True(int.Parse(scaler["spec"]["minReplicaCount"].Text!, CultureInfo.InvariantCulture) >= 2));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_secrets_are_generated_from_env_files_that_git_ignores(string overlay)
    {
        var manifest = Render(overlay);
        var overlayFolder = Path.Combine(Tools.Kubernetes, "overlays", overlay);

        Assert.Equal(GeneratedSecrets,
            manifest.Secrets.Select(secret => NameOf(secret)[..NameOf(secret).LastIndexOf('-')]).Order(StringComparer.Ordinal));
        foreach (var example in Directory.EnumerateFiles(overlayFolder, "*.env.example"))
        {
            var secretsFile = Path.GetRelativePath(Tools.Root, example[..^".example".Length]);
            Assert.Equal(0, Tools.Run("git", ["-C", Tools.Root, "check-ignore", "--quiet", "--no-index", secretsFile]).ExitCode);
        }
        var tracked = Tools.Run("git", ["-C", Tools.Root, "ls-files", "deploy/kubernetes"]).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(tracked, file => file.EndsWith(".env", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Prometheus_scrapes_the_metrics_of_every_service(string overlay)
    {
        var manifest = Render(overlay);
        var monitor = Assert.Single(manifest.OfKind("ServiceMonitor"));
        var endpoint = Assert.Single(monitor["spec"]["endpoints"].Items);

        Assert.Equal(ServiceDefaultsExtensions.MetricsPath, endpoint["path"].Text);
        Assert.All(manifest.OfKind("Deployment"), deployment =>
        {
            var podLabels = Labels(deployment["spec"]["template"]["metadata"]);
            Assert.Contains(manifest.OfKind("Service"), service =>
                Matches(monitor["spec"]["selector"]["matchLabels"], Labels(service["metadata"]))
                && Matches(service["spec"]["selector"], podLabels)
                && service["spec"]["ports"].Items.Any(port => port["name"].Text == endpoint["port"].Text));
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Metrics_are_served_on_a_port_of_their_own_that_no_ingress_routes_to(string overlay)
    {
        var manifest = Render(overlay);
        var metricsPort = Setting(manifest, "autoreply-config", $"{MetricsEndpointOptions.Section}__{nameof(MetricsEndpointOptions.Port)}");
        var listensOn = Setting(manifest, "autoreply-config", "ASPNETCORE_HTTP_PORTS").Split(';');
        var endpoint = Assert.Single(Assert.Single(manifest.OfKind("ServiceMonitor"))["spec"]["endpoints"].Items);

        Assert.Equal("metrics", endpoint["port"].Text);
        Assert.All(manifest.OfKind("Deployment"), deployment =>
        {
            var ports = Assert.Single(deployment["spec"]["template"]["spec"]["containers"].Items)["ports"].Items.ToDictionary(port => port["name"].Text!, port => port["containerPort"].Text);
            Assert.Equal(metricsPort, ports["metrics"]);
            Assert.Equal([ports["http"], metricsPort], listensOn);
        });
        Assert.All(
            Assert.Single(manifest.OfKind("Ingress"))["spec"]["rules"].Items.SelectMany(rule => rule["http"]["paths"].Items),
            path => Assert.Equal("http", path["backend"]["service"]["port"]["name"].Text));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_alert_says_what_happened_and_links_its_runbook(string overlay)
    {
        var manifest = Render(overlay);
        var alerts = manifest.OfKind("PrometheusRule")
            .SelectMany(rule => rule["spec"]["groups"].Items)
            .SelectMany(group => group["rules"].Items)
            .Where(rule => rule["alert"].Text is not null)
            .ToList();

        Assert.Superset(
            new HashSet<string>(["AutoReplyBacklogOld", "AutoReplyErrorQueueNotEmpty", "AutoReplyOutboxStuck", "AutoReplyDelayedRepliesOverdue", "AutoReplyRecoveryWaiting", "AutoReplyProviderCircuitOpen", "AutoReplyBudgetExhausted"]),
            alerts.Select(alert => alert["alert"].Text!).ToHashSet());
        Assert.All(alerts, alert =>
        {
            var name = alert["alert"].Text!;
            Assert.False(string.IsNullOrWhiteSpace(alert["expr"].Text), name);
            Assert.False(string.IsNullOrWhiteSpace(alert["labels"]["severity"].Text), name);
            Assert.False(string.IsNullOrWhiteSpace(alert["annotations"]["summary"].Text), name);
            Assert.False(string.IsNullOrWhiteSpace(alert["annotations"]["description"].Text), name);
            Assert.Equal($"{RunbookBase}#alert-{name.ToLowerInvariant()}", alert["annotations"]["runbook_url"].Text);
        });
    }

    /// <summary>The README's runbooks: its "Operations" section has an anchor alert-&lt;name in lowercase&gt; per alert.</summary>
    private const string RunbookBase = "https://github.com/autoreply/autoreply/blob/main/README.md";

    private static string Setting(Manifests manifest, string configMap, string key)
    {
        var source = manifest.Find("ConfigMap", configMap);
        Assert.NotNull(source);
        var value = source["data"][key].Text;
        Assert.False(string.IsNullOrEmpty(value), $"{configMap} has no {key}");
        return value;
    }

    private static readonly string[] BothPolicyTypes = ["Egress", "Ingress"];

    private static readonly string[] SpreadKeys = ["kubernetes.io/hostname", "topology.kubernetes.io/zone"];

    /// <summary>The Secrets the overlays' secretGenerator makes, before their hash suffix.</summary>
    private static readonly string[] GeneratedSecrets = ["autoreply-migrations-secrets", "autoreply-secrets"];

    /// <summary>The port of each server a service's connection string names.</summary>
    private static readonly (string Connection, int Port)[] ServerPorts = [(RabbitMq, 5672), (Redis, 6379), (Database, 5432)];

    /// <summary>The pod template of every Deployment and Job, by the name of what runs it.</summary>
    private static IEnumerable<(string Name, Node Pod, Dictionary<string, string> Labels)> Workloads(Manifests manifest) =>
        manifest.OfKind("Deployment").Concat(manifest.OfKind("Job"))
            .Select(workload => (NameOf(workload), workload["spec"]["template"]["spec"], Labels(workload["spec"]["template"]["metadata"])));

    private static Dictionary<string, string> Labels(Node metadata) =>
        metadata["labels"].Keys.ToDictionary(key => key, key => metadata["labels"][key].Text ?? "", StringComparer.Ordinal);

    /// <summary>Whether matchLabels select these labels (an empty selector selects everything).</summary>
    private static bool Matches(Node matchLabels, Dictionary<string, string> labels) =>
        matchLabels.Keys.All(key => labels.TryGetValue(key, out var value) && value == matchLabels[key].Text);

    /// <summary>The ingress or egress rules of every policy that selects a pod with these labels and has that type.</summary>
    private static IEnumerable<Node> RulesFor(List<Node> policies, Dictionary<string, string> labels, string type, string field) =>
        policies
            .Where(policy => Matches(policy["spec"]["podSelector"]["matchLabels"], labels)
                && !policy["spec"]["podSelector"]["matchExpressions"].Items.Any()
                && policy["spec"]["policyTypes"].Items.Any(policyType => policyType.Text == type))
            .SelectMany(policy => policy["spec"][field].Items);

    /// <summary>A NetworkPolicy peer in words: a workload of this namespace, another namespace (and its pods), or addresses.</summary>
    private static string DescribePeer(Node peer, Dictionary<string, Dictionary<string, string>> pods)
    {
        if (peer["ipBlock"].Value is not null)
        {
            var except = peer["ipBlock"]["except"].Items.Select(block => block.Text).ToList();
            var privateRanges = new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16" };
            return peer["ipBlock"]["cidr"].Text == "0.0.0.0/0" && privateRanges.All(except.Contains) ? "public internet" : $"addresses {peer["ipBlock"]["cidr"].Text}";
        }
        if (peer["namespaceSelector"].Value is not null)
        {
            var space = peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"].Text ?? "any namespace";
            return peer["podSelector"].Value is null
                ? $"namespace {space}"
                : $"{space} {string.Join(",", peer["podSelector"]["matchLabels"].Keys.Select(key => peer["podSelector"]["matchLabels"][key].Text))}";
        }
        var selected = pods.Where(pod => Matches(peer["podSelector"]["matchLabels"], pod.Value)).Select(pod => pod.Key).ToList();
        return string.Join("+", selected);
    }

    /// <summary>The containers of every Deployment and Job, by the name of what runs them.</summary>
    private static IEnumerable<(string Deployment, Node Container)> Containers(Manifests manifest) =>
        manifest.OfKind("Deployment").Concat(manifest.OfKind("Job")).SelectMany(workload =>
            workload["spec"]["template"]["spec"]["containers"].Items.Select(container => (NameOf(workload), container)));

    private static ServiceConfiguration Workload(string name) => Services.TryGetValue(name, out var service) ? service : Jobs[name];

    private static string NameOf(Node resource) => resource["metadata"]["name"].Text ?? "";

    /// <summary>The Deployment an HPA or a ScaledObject scales (a ScaledObject's kind defaults to Deployment).</summary>
    private static string TargetOf(Node scaler)
    {
        var target = scaler["spec"]["scaleTargetRef"];
        return (target["kind"].Text ?? "Deployment") == "Deployment" ? target["name"].Text ?? "" : "";
    }

    private static IEnumerable<Node> QueueTriggers(Node scaledObject) =>
        scaledObject["spec"]["triggers"].Items.Where(trigger => trigger["type"].Text == "rabbitmq");

    /// <summary>The queues a service's consumers read: the endpoint names their definitions give.</summary>
    private static List<string> ConsumerQueues(ServiceConfiguration service) =>
        service.Code.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IConsumerDefinition).IsAssignableFrom(type))
            .Select(definition => ((IConsumerDefinition)Activator.CreateInstance(definition)!).GetEndpointName(DefaultEndpointNameFormatter.Instance))
            .ToList();

    /// <summary>The environment names of an options class bound to a section: <c>Section__Property</c>.</summary>
    private static IEnumerable<string> OptionNames<TOptions>(string section) =>
        typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite)
            .Select(property => $"{section}__{property.Name}");

    private static IEnumerable<string> RequiredOptionNames<TOptions>(string section) =>
        typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite && property.GetCustomAttribute<RequiredAttribute>() is not null)
            .Select(property => $"{section}__{property.Name}");

    private sealed record ServiceConfiguration(Assembly Code, string[] Requires, string[] Reads)
    {
        public bool Knows(string name) =>
            Requires.Contains(name)
            || Reads.Contains(name)
            || EveryServicePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>An overlay as <c>kubectl kustomize</c> renders it: its text and its objects.</summary>
    private sealed class Manifests(string overlay, string text, List<Node> resources)
    {
        public string Overlay { get; } = overlay;

        public string Text { get; } = text;

        public List<Node> Resources { get; } = resources;

        /// <summary>The Secrets the overlay's secretGenerator makes (from the *.env.example files here).</summary>
        public List<Node> Secrets => OfKind("Secret").ToList();

        public IEnumerable<Node> OfKind(string kind) => Resources.Where(resource => resource["kind"].Text == kind);

        public Node? Find(string kind, string? name) => OfKind(kind).FirstOrDefault(resource => NameOf(resource) == name);

        public List<string> Keys(string kind, string? name) => Find(kind, name) is { } source ? KeysOf(source) : [];

        /// <summary>The keys of a ConfigMap or a Secret: the names they give a container through envFrom.</summary>
        public static List<string> KeysOf(Node source) =>
            source["data"].Keys.Concat(source["binaryData"].Keys).Concat(source["stringData"].Keys).ToList();

        /// <summary>The names a container's environment gets: its env entries and the keys of what it takes with envFrom.</summary>
        public List<string> EnvironmentNames(Node container)
        {
            var names = container["env"].Items.Select(variable => variable["name"].Text ?? "").ToList();
            foreach (var source in container["envFrom"].Items)
            {
                var prefix = source["prefix"].Text ?? "";
                var keys = source["configMapRef"].Value is not null ? Keys("ConfigMap", source["configMapRef"]["name"].Text)
                    : source["secretRef"].Value is not null ? Keys("Secret", source["secretRef"]["name"].Text)
                    : [];
                names.AddRange(keys.Select(key => prefix + key));
            }
            return names;
        }

        /// <summary>
        /// Renders the overlay from a copy of deploy/kubernetes in which each <c>*.env.example</c> is the
        /// <c>*.env</c> its secretGenerator reads, as an operator's filled-in copy would be.
        /// </summary>
        public static Manifests Load(string overlay)
        {
            var copy = Directory.CreateTempSubdirectory("autoreply-kustomize-");
            try
            {
                foreach (var folder in new[] { "base", "overlays" })
                {
                    CopyFolder(Path.Combine(Tools.Kubernetes, folder), Path.Combine(copy.FullName, folder));
                }
                var overlayFolder = Path.Combine(copy.FullName, "overlays", overlay);
                Assert.True(Directory.Exists(overlayFolder), $"No overlay {overlay} in {Tools.Kubernetes}.");
                foreach (var example in Directory.EnumerateFiles(overlayFolder, "*.env.example"))
                {
                    File.Copy(example, example[..^".example".Length], overwrite: true);
                }

                var rendered = Tools.Run(Tools.Kubectl, ["kustomize", overlayFolder]);
                Assert.True(rendered.ExitCode == 0, $"kubectl kustomize overlays/{overlay} exited with {rendered.ExitCode}: {rendered.Errors}");
                return new Manifests(overlay, rendered.Output, Parse(rendered.Output));
            }
            finally
            {
                copy.Delete(recursive: true);
            }
        }

        private static void CopyFolder(string source, string target)
        {
            Directory.CreateDirectory(target);
            foreach (var file in Directory.EnumerateFiles(source))
            {
                // A real secrets file of this machine's operator stays out: the examples stand for it.
                if (!file.EndsWith(".env", StringComparison.Ordinal))
                {
                    File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
                }
            }
            foreach (var folder in Directory.EnumerateDirectories(source))
            {
                CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
            }
        }

        public static List<Node> Parse(string yaml)
        {
            using var reader = new StringReader(yaml);
            var stream = new YamlStream();
            stream.Load(reader);
            return stream.Documents
                .Where(document => document.RootNode is YamlMappingNode)
                .Select(document => new Node(document.RootNode))
                .ToList();
        }
    }

    /// <summary>
    /// The pinned kubectl and the schema validator, both installed by eng/install-manifest-tools.sh into
    /// deploy/kubernetes/validate; node from the PATH. Missing, they fail the tests that need them.
    /// </summary>
    private static class Tools
    {
        private const string Install = "run bash eng/install-manifest-tools.sh (eng/install-prerequisites.sh runs it)";

        public static string Root { get; } = RepositoryRoot();

        public static string Kubernetes => Path.Combine(Root, "deploy", "kubernetes");

        private static string ValidatorFolder => Path.Combine(Kubernetes, "validate");

        public static string Kubectl
        {
            get
            {
                var kubectl = Path.Combine(ValidatorFolder, "bin", "kubectl");
                Assert.True(File.Exists(kubectl), $"No kubectl at {kubectl}: {Install}.");
                return kubectl;
            }
        }

        /// <summary>Validates YAML documents against the schemas: exit code 0 when every object is valid, else one line per invalid one.</summary>
        public static (int ExitCode, string Output, string Errors) Validate(string yaml)
        {
            var node = FindOnPath("node");
            Assert.True(node is not null, $"No node on the PATH: {Install}.");
            Assert.True(Directory.Exists(Path.Combine(ValidatorFolder, "node_modules", "kubernetes-models")),
                $"The validator's packages are not installed in {ValidatorFolder}: {Install}.");
            return Run(node, [Path.Combine(ValidatorFolder, "validate.mjs")], input: yaml);
        }

        public static (int ExitCode, string Output, string Errors) Run(string program, IEnumerable<string> arguments, string? input = null)
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardInput = input is not null,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }
            process.WaitForExit();
            return (process.ExitCode, output.Result, errors.Result);
        }

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "AutoReply.sln")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds AutoReply.sln.");
        }

        private static string? FindOnPath(string command) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(directory => new[] { Path.Combine(directory, command), Path.Combine(directory, command + ".exe") })
                .FirstOrDefault(File.Exists);
    }

    /// <summary>A read-only walk through a YAML document: a missing key or item gives an empty node, not an exception.</summary>
    private sealed class Node(YamlNode? value)
    {
        public YamlNode? Value { get; } = value;

        public string? Text => (Value as YamlScalarNode)?.Value;

        public Node this[string key] => new(Value is YamlMappingNode map
            ? map.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode scalar && scalar.Value == key).Value
            : null);

        public IEnumerable<Node> Items => Value is YamlSequenceNode list
            ? list.Children.Select(item => new Node(item))
            : Enumerable.Empty<Node>();

        public IEnumerable<string> Keys => Value is YamlMappingNode map
            ? map.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value ?? "")
            : Enumerable.Empty<string>();
    }
}
