using AutoReply.Ingress.Access;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Reflection;
using System.Text;
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
/// The Kubernetes manifests in deploy/kubernetes against the code: the environment each Deployment
/// gets is what its service reads, and the queues KEDA watches are the ones MassTransit consumes.
/// Rendered with <c>kubectl kustomize</c> when kubectl is on the PATH, else from the listed files.
/// </summary>
public sealed class KubernetesManifestTests
{
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
    ];

    /// <summary>Open-ended sections every service reads (log levels are keyed by category).</summary>
    private static readonly string[] EveryServicePrefixes = ["Logging__"];

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

    private static readonly Lazy<Manifests> Rendered = new(Manifests.Load);

    private static Manifests Manifest => Rendered.Value;

    [Fact]
    public void Every_service_has_a_deployment_and_every_deployment_is_a_known_service()
    {
        Assert.Equal(
            Services.Keys.Order(StringComparer.Ordinal),
            Manifest.OfKind("Deployment").Select(NameOf).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_deployment_reads_only_configuration_its_service_knows()
    {
        var unknown = new List<string>();
        foreach (var (deployment, container) in Containers())
        {
            var service = Workload(deployment);
            unknown.AddRange(Manifest.EnvironmentNames(container)
                .Where(name => !service.Knows(name))
                .Select(name => $"{deployment}: {name}"));
        }

        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_deployment_gets_the_configuration_its_service_requires()
    {
        var missing = new List<string>();
        foreach (var (deployment, container) in Containers())
        {
            var names = Manifest.EnvironmentNames(container);
            missing.AddRange(Workload(deployment).Requires
                .Where(name => !names.Contains(name))
                .Select(name => $"{deployment}: {name}"));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_key_of_the_config_maps_and_the_secret_is_read_by_some_service()
    {
        var unread = Manifest.OfKind("ConfigMap").Concat(Manifest.Secrets)
            .SelectMany(source => Manifests.KeysOf(source).Select(key => (Source: NameOf(source), Key: key)))
            .Where(entry => !Services.Values.Concat(Jobs.Values).Any(service => service.Knows(entry.Key)))
            .Select(entry => $"{entry.Source}: {entry.Key}")
            .ToList();

        Assert.Empty(unread);
    }

    [Fact]
    public void Every_config_map_secret_and_key_a_deployment_refers_to_exists()
    {
        var dangling = new List<string>();
        foreach (var (deployment, container) in Containers())
        {
            foreach (var variable in container["env"].Items)
            {
                foreach (var (kind, reference) in new[] { ("ConfigMap", variable["valueFrom"]["configMapKeyRef"]), ("Secret", variable["valueFrom"]["secretKeyRef"]) })
                {
                    if (reference.Value is not null && reference["optional"].Text != "true"
                        && !Manifest.Keys(kind, reference["name"].Text).Contains(reference["key"].Text ?? ""))
                    {
                        dangling.Add($"{deployment}: {variable["name"].Text} from {kind} {reference["name"].Text} key {reference["key"].Text}");
                    }
                }
            }

            foreach (var source in container["envFrom"].Items)
            {
                foreach (var (kind, reference) in new[] { ("ConfigMap", source["configMapRef"]), ("Secret", source["secretRef"]) })
                {
                    if (reference.Value is not null && reference["optional"].Text != "true" && Manifest.Find(kind, reference["name"].Text) is null)
                    {
                        dangling.Add($"{deployment}: all of {kind} {reference["name"].Text}");
                    }
                }
            }
        }

        Assert.Empty(dangling);
    }

    [Fact]
    public void Every_queue_a_scaled_object_watches_is_an_endpoint_of_a_consumer_of_the_service_it_scales()
    {
        var strangers = new List<string>();
        foreach (var scaledObject in Manifest.OfKind("ScaledObject"))
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

    [Fact]
    public void The_migrations_job_runs_the_migrator_and_no_service_runs_migrations()
    {
        var job = Assert.Single(Manifest.OfKind("Job"));
        Assert.Equal("migrations", NameOf(job));
        Assert.Equal("Never", job["spec"]["template"]["spec"]["restartPolicy"].Text);
        Assert.All(Services.Values, service => Assert.DoesNotContain(service.Code.GetReferencedAssemblies(), name => name.Name == typeof(SchemaMigrations).Assembly.GetName().Name));
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("sender")]
    public void A_consumer_service_is_scaled_by_exactly_one_scaled_object_on_the_length_of_every_queue_it_consumes(string deployment)
    {
        var scaledObject = Assert.Single(Manifest.OfKind("ScaledObject"), candidate => TargetOf(candidate) == deployment);
        var triggers = QueueTriggers(scaledObject).ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, trigger => Assert.Equal("QueueLength", trigger["metadata"]["mode"].Text));
        Assert.Equal(
            ConsumerQueues(Services[deployment]).Order(StringComparer.Ordinal),
            triggers.Select(trigger => trigger["metadata"]["queueName"].Text ?? "").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Queue_triggers_authenticate_with_the_rabbitmq_connection_string_of_the_secret()
    {
        var triggers = Manifest.OfKind("ScaledObject").SelectMany(QueueTriggers).ToList();

        Assert.NotEmpty(triggers);
        foreach (var trigger in triggers)
        {
            var authentication = Manifest.Find("TriggerAuthentication", trigger["authenticationRef"]["name"].Text);
            Assert.NotNull(authentication);
            var host = Assert.Single(authentication["spec"]["secretTargetRef"].Items, reference => reference["parameter"].Text == "host");
            Assert.Equal(RabbitMq, host["key"].Text);
            Assert.Contains(RabbitMq, Manifest.Keys("Secret", host["name"].Text));
        }
    }

    [Fact]
    public void Every_deployment_is_scaled_by_one_autoscaler_never_by_both_an_hpa_and_a_scaled_object()
    {
        var autoscalers = Manifest.OfKind("HorizontalPodAutoscaler").Concat(Manifest.OfKind("ScaledObject")).ToList();
        var miscounted = Manifest.OfKind("Deployment")
            .Select(deployment => (Name: NameOf(deployment), Scalers: autoscalers.Where(scaler => TargetOf(scaler) == NameOf(deployment)).ToList()))
            .Where(deployment => deployment.Scalers.Count != 1)
            .Select(deployment => $"{deployment.Name}: [{string.Join(", ", deployment.Scalers.Select(scaler => $"{scaler["kind"].Text} {NameOf(scaler)}"))}]")
            .ToList();

        Assert.Empty(miscounted);
    }

    [Fact]
    public void Every_deployment_is_probed_for_liveness_on_alive_and_for_readiness_on_health()
    {
        var containers = Containers().ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers.Where(entry => Services.ContainsKey(entry.Deployment)), entry =>
        {
            Assert.Equal(ServiceDefaultsExtensions.AlivePath, entry.Container["livenessProbe"]["httpGet"]["path"].Text);
            Assert.Equal(ServiceDefaultsExtensions.HealthPath, entry.Container["readinessProbe"]["httpGet"]["path"].Text);
        });
    }

    /// <summary>The containers of every Deployment and Job, by the name of what runs them.</summary>
    private static IEnumerable<(string Deployment, Node Container)> Containers() =>
        Manifest.OfKind("Deployment").Concat(Manifest.OfKind("Job")).SelectMany(workload =>
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

    /// <summary>
    /// The rendered kustomization, and the Secret the operator creates (secret.example.yaml lists its
    /// keys; it is not part of the kustomization).
    /// </summary>
    private sealed class Manifests(List<Node> resources, List<Node> secrets)
    {
        public List<Node> Secrets { get; } = secrets;

        public IEnumerable<Node> OfKind(string kind) => resources.Where(resource => resource["kind"].Text == kind);

        public Node? Find(string kind, string? name) =>
            (kind == "Secret" ? Secrets : OfKind(kind)).FirstOrDefault(resource => NameOf(resource) == name);

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

        public static Manifests Load()
        {
            var kustomization = Path.Combine(RepositoryRoot(), "deploy", "kubernetes");
            var rendered = FindOnPath("kubectl") is { } kubectl ? Kustomize(kubectl, kustomization) : ConcatenateResources(kustomization);
            var secrets = Parse(File.ReadAllText(Path.Combine(kustomization, "secret.example.yaml")));
            var resources = Parse(rendered);
            return new Manifests(resources, [.. secrets, .. resources.Where(resource => resource["kind"].Text == "Secret")]);
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

        private static string Kustomize(string kubectl, string kustomization)
        {
            var start = new ProcessStartInfo(kubectl)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("kustomize");
            start.ArgumentList.Add(kustomization);

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{kubectl} did not start.");
            var errors = new StringBuilder();
            process.ErrorDataReceived += (_, line) => errors.AppendLine(line.Data);
            process.BeginErrorReadLine();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"kubectl kustomize {kustomization} exited with {process.ExitCode}: {errors}");
        }

        /// <summary>Without kubectl: the resource files the kustomization lists, as they are.</summary>
        private static string ConcatenateResources(string kustomization)
        {
            var listed = Parse(File.ReadAllText(Path.Combine(kustomization, "kustomization.yaml"))).Single()["resources"].Items
                .Select(resource => Path.Combine(kustomization, resource.Text ?? ""))
                .ToList();
            Assert.NotEmpty(listed);
            return string.Join("\n---\n", listed.Select(path => File.ReadAllText(path)));
        }

        private static List<Node> Parse(string yaml)
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
