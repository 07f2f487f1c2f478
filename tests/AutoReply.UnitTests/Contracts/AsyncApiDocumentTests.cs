using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AutoReply.Contracts;
using AutoReply.Contracts.Commands;
using AutoReply.Contracts.Events;
using MassTransit;
using MassTransit.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AutoReply.UnitTests.Contracts;

/// <summary>
/// <c>docs/asyncapi.yaml</c> is the bus contract publishers read, written by hand: checked here
/// against the contract types and against MassTransit itself, as the OpenAPI documents are checked
/// against what the services serve. Every message type of the contracts is in it with its URN,
/// exchange and fields (names as MassTransit writes them, JSON types, required and nullable, the
/// vocabulary's values), nothing else is, the header and exchange names are the code's, and each
/// example envelope is what MassTransit 8 consumes as that message.
/// </summary>
public sealed class AsyncApiDocumentTests
{
    private const string Schemas = "#/components/schemas/";
    private static readonly Assembly Contracts = typeof(ICommunicationEvent).Assembly;
    private static readonly JsonSerializerOptions MassTransitJson = SystemTextJsonMessageSerializer.Options;
    private static readonly Lazy<JsonObject> LazyDocument = new(() => Load(Path.Combine(RepositoryRoot(), "docs", "asyncapi.yaml")));

    /// <summary>The schemas that are MassTransit's envelope and its headers, not a contract type.</summary>
    private static readonly string[] EnvelopeSchemas = ["Envelope", "CommunicationEventHeaders"];

    private static JsonObject Document => LazyDocument.Value;

    /// <summary>Every message the contracts define: the records under <c>Events/</c> and <c>Commands/</c>.</summary>
    public static TheoryData<Type> BusMessages() => [.. MessageTypes()];

    public static TheoryData<Type> CommunicationEvents() => [.. MessageTypes().Where(IsCommunicationEvent)];

    [Fact]
    public void The_document_is_asyncapi_3_at_the_contracts_version_in_masstransits_content_type()
    {
        Assert.Equal("3.0.0", (string?)Document["asyncapi"]);
        Assert.Equal(ContractsPackageTests.ContractVersion(), (string?)Document["info"]!["version"]);
        Assert.Equal(SystemTextJsonMessageSerializer.JsonContentType.MediaType, (string?)Document["defaultContentType"]);
        foreach (var type in MessageTypes())
        {
            Assert.Equal(SystemTextJsonMessageSerializer.JsonContentType.MediaType, (string?)Message(type)["contentType"]);
        }
    }

    [Fact]
    public void Every_message_of_the_contracts_has_its_message_channel_and_schema_and_the_document_has_no_other()
    {
        List<string> names = [.. MessageTypes().Select(type => type.Name)];
        Assert.Equal(Sorted(names), Keys(Document["components"]!["messages"]!));
        Assert.Equal(Sorted(names), Keys(Document["channels"]!));

        List<string> enums = [.. MessageTypes().SelectMany(type => type.GetProperties()).Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Where(type => type.IsEnum).Select(type => type.Name).Distinct()];
        Assert.Equal(Sorted([.. names, .. enums, .. EnvelopeSchemas]), Keys(Document["components"]!["schemas"]!));
    }

    [Theory]
    [MemberData(nameof(BusMessages))]
    public void A_message_is_named_by_its_urn_on_the_exchange_masstransit_uses(Type type)
    {
        var urn = MessageUrn.ForTypeString(type);
        var message = Message(type);
        Assert.Equal(urn, (string?)message["name"]);
        Assert.Equal(urn, (string?)Envelope(type)["messageType"]!["contains"]!["const"]);
        Assert.Equal($"{Schemas}Envelope", (string?)message["payload"]!["allOf"]![0]!["$ref"]);
        Assert.Equal($"{Schemas}{type.Name}", (string?)Envelope(type)["message"]!["$ref"]);

        var channel = Document["channels"]![type.Name]!;
        var exchange = ExchangeOf(type);
        Assert.Equal(exchange, (string?)channel["address"]);
        var binding = channel["bindings"]!["amqp"]!;
        Assert.Equal("routingKey", (string?)binding["is"]);
        Assert.Equal(exchange, (string?)binding["exchange"]!["name"]);
        Assert.Equal("fanout", (string?)binding["exchange"]!["type"]);
        Assert.True((bool)binding["exchange"]!["durable"]!);
        Assert.False((bool)binding["exchange"]!["autoDelete"]!);
        Assert.Equal($"#/components/messages/{type.Name}", (string?)channel["messages"]![type.Name]!["$ref"]);
    }

    [Theory]
    [MemberData(nameof(BusMessages))]
    public void A_messages_schema_has_the_fields_of_its_record_as_masstransit_writes_them(Type type)
    {
        var schema = Document["components"]!["schemas"]![type.Name]!;
        Assert.Equal("object", (string?)schema["type"]);
        var properties = schema["properties"]!.AsObject();
        var nullability = new NullabilityInfoContext();
        var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract").ToList();

        Assert.Equal(Sorted(fields.Select(p => JsonName(p.Name))), Keys(properties));
        Assert.Equal(
            Sorted(fields.Where(p => nullability.Create(p).ReadState != NullabilityState.Nullable).Select(p => JsonName(p.Name))),
            Sorted(schema["required"]!.AsArray().Select(name => (string)name!)));

        foreach (var field in fields)
        {
            var property = properties[JsonName(field.Name)]!;
            var nullable = nullability.Create(field).ReadState == NullabilityState.Nullable;
            var clr = Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType;
            if (clr.IsEnum)
            {
                Assert.False(nullable, $"{type.Name}.{field.Name}: a nullable vocabulary needs a schema of its own here.");
                Assert.Equal($"{Schemas}{clr.Name}", (string?)property["$ref"]);
                continue;
            }

            var (jsonType, format) = clr == typeof(string) ? ("string", null)
                : clr == typeof(Guid) ? ("string", "uuid")
                : clr == typeof(DateTimeOffset) ? ("string", "date-time")
                : throw new InvalidOperationException($"{type.Name}.{field.Name}: {clr.Name} has no JSON type in this test yet.");
            var declared = property["type"] is JsonArray types ? types.Select(t => (string)t!).ToArray() : [(string)property["type"]!];
            Assert.Equal(nullable ? [jsonType, "null"] : [jsonType], declared);
            Assert.Equal(format, (string?)property["format"]);
        }

        // What MassTransit's serializer writes for the record: the same names, of those types and values.
        var written = JsonSerializer.SerializeToNode(Sample(type), type, MassTransitJson)!.AsObject();
        Assert.Equal(Keys(properties), Keys(written));
        foreach (var (name, value) in written)
        {
            var property = properties[name]!;
            var text = value!.GetValue<string>();
            if (property["$ref"] is { } reference)
            {
                Assert.Contains(text, Document["components"]!["schemas"]![((string)reference!)[Schemas.Length..]]!["enum"]!.AsArray().Select(v => (string?)v));
            }
            else if ((string?)property["format"] == "uuid")
            {
                Assert.True(Guid.TryParse(text, out _), $"{name}: {text}");
            }
            else if ((string?)property["format"] == "date-time")
            {
                Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _), $"{name}: {text}");
            }
        }
    }

    [Fact]
    public void Each_vocabulary_schema_lists_the_vocabularys_names_in_order()
    {
        var schemas = Document["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in schemas.Where(s => s.Value!["enum"] is not null))
        {
            var vocabulary = Contracts.GetExportedTypes().Single(type => type.IsEnum && type.Name == name);
            var all = (IReadOnlyList<string>)typeof(Vocabulary).GetMethod(nameof(Vocabulary.All))!.MakeGenericMethod(vocabulary).Invoke(null, null)!;
            Assert.Equal("string", (string?)schema!["type"]);
            Assert.Equal(all, schema["enum"]!.AsArray().Select(value => (string)value!));
        }
    }

    [Fact]
    public void Communication_events_and_only_they_carry_the_workspace_header_named_as_in_the_code()
    {
        var headers = Document["components"]!["schemas"]!["CommunicationEventHeaders"]!;
        Assert.Equal(EventHeaders.Workspace, Assert.Single(Keys(headers["properties"]!)));
        Assert.Equal("uuid", (string?)headers["properties"]![EventHeaders.Workspace]!["format"]);
        foreach (var type in MessageTypes())
        {
            Assert.Equal(IsCommunicationEvent(type) ? $"{Schemas}CommunicationEventHeaders" : null, (string?)Envelope(type)["headers"]?["$ref"]);
        }
    }

    [Fact]
    public void Publishers_send_the_communication_events_and_nothing_else_with_the_mandatory_flag_and_persistent()
    {
        var sends = Document["operations"]!.AsObject().Where(operation => (string?)operation.Value!["action"] == "send").Select(operation => operation.Value!).ToList();
        Assert.Equal(
            Sorted(MessageTypes().Where(IsCommunicationEvent).Select(type => $"#/channels/{type.Name}")),
            Sorted(sends.Select(operation => (string)operation["channel"]!["$ref"]!)));
        foreach (var operation in sends)
        {
            var channel = ((string)operation["channel"]!["$ref"]!)["#/channels/".Length..];
            Assert.Equal($"#/channels/{channel}/messages/{channel}", (string?)Assert.Single(operation["messages"]!.AsArray())!["$ref"]);
            Assert.True((bool)operation["bindings"]!["amqp"]!["mandatory"]!);
            Assert.Equal(2, (long)operation["bindings"]!["amqp"]!["deliveryMode"]!);
        }
    }

    [Fact]
    public void Every_reference_resolves()
    {
        foreach (var reference in References(Document))
        {
            Assert.StartsWith("#/", reference);
            JsonNode? node = Document;
            foreach (var segment in reference[2..].Split('/'))
            {
                node = node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }
            Assert.True(node is not null, $"{reference} points at nothing.");
        }
    }

    [Theory]
    [MemberData(nameof(CommunicationEvents))]
    public void Each_example_envelope_is_consumed_by_masstransit_as_its_message_and_no_other(Type type)
    {
        var examples = Message(type)["examples"]!.AsArray();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var payload = example!["payload"]!;
            var context = SystemTextJsonMessageSerializer.Instance.Deserialize(new StringMessageBody(payload.ToJsonString()), EmptyHeaders.Instance);

            Assert.True(context.IsSupportedMessageType(type));
            foreach (var other in MessageTypes().Where(other => other != type))
            {
                Assert.False(context.IsSupportedMessageType(other), $"{type.Name}'s example would also be consumed as {other.Name}.");
            }
            Assert.True(context.TryGetMessage(type, out var message));
            var expected = payload["message"]!.AsObject();
            var read = JsonSerializer.SerializeToNode(message, type, MassTransitJson)!.AsObject();
            foreach (var (name, value) in expected)
            {
                var field = type.GetProperties().Single(p => JsonName(p.Name) == name);
                object? expectedValue = field.PropertyType == typeof(DateTimeOffset) ? DateTimeOffset.Parse((string)value!, CultureInfo.InvariantCulture) : (string?)value;
                Assert.Equal(expectedValue, field.GetValue(message));
                Assert.NotNull(read[name]);
            }

            if (payload["headers"]?[EventHeaders.Workspace] is { } workspace)
            {
                // As rules reads it (CommunicationEventConsumer.SubmittedBy).
                Assert.True(Guid.TryParse(context.Headers.Get<string>(EventHeaders.Workspace), out var id));
                Assert.Equal(Guid.Parse((string)workspace!), id);
            }

            var listed = payload["messageType"]!.AsArray().Select(urn => (string)urn!).ToArray();
            if (listed.Length > 1)
            {
                // An example that lists more than the message's own URN lists what MassTransit itself writes.
                var written = (string[])typeof(MessageTypeCache<>).MakeGenericType(type).GetProperty(nameof(MessageTypeCache<object>.MessageTypeNames))!.GetValue(null)!;
                Assert.Equal(written, listed);
            }
        }
    }

    [Fact]
    public void The_workspace_header_is_read_from_the_envelope_and_not_from_the_amqp_headers()
    {
        var envelope = new JsonObject
        {
            ["messageType"] = new JsonArray(MessageUrn.ForTypeString<CallMissed>()),
            ["message"] = JsonSerializer.SerializeToNode(new CallMissed("evt-1", "+14155550100", "+14155550199", DateTimeOffset.UnixEpoch), MassTransitJson),
        };
        var amqpHeaders = new DictionarySendHeaders(new Dictionary<string, object?> { [EventHeaders.Workspace] = Guid.CreateVersion7().ToString() });

        var context = SystemTextJsonMessageSerializer.Instance.Deserialize(new StringMessageBody(envelope.ToJsonString()), amqpHeaders);

        Assert.True(context.TryGetMessage<CallMissed>(out _));
        Assert.Null(context.Headers.Get<string>(EventHeaders.Workspace));
    }

    [Fact]
    public void A_raw_json_body_is_read_as_an_envelope_and_fails()
    {
        // The services' bus adds no serializer: MassTransit's defaults, which read any content type as its envelope.
        var serialization = new MassTransit.Configuration.SerializationConfiguration().CreateSerializerCollection();
        var deserializer = serialization.GetMessageDeserializer(new System.Net.Mime.ContentType("application/json"));
        Assert.Equal((string?)Document["defaultContentType"], deserializer.ContentType.MediaType);

        var raw = JsonSerializer.Serialize(new CallMissed("evt-1", "+14155550100", "+14155550199", DateTimeOffset.UnixEpoch), MassTransitJson);

        // A message that cannot be deserialized is moved to the endpoint's _error queue.
        Assert.Throws<System.Runtime.Serialization.SerializationException>(() => deserializer.Deserialize(new StringMessageBody(raw), EmptyHeaders.Instance));
    }

    private static IEnumerable<Type> MessageTypes() =>
        Contracts.GetExportedTypes()
            .Where(type => type.IsClass && !type.IsAbstract && (type.Namespace == typeof(CallMissed).Namespace || type.Namespace == typeof(SendAutoReply).Namespace))
            .OrderBy(type => type.Name, StringComparer.Ordinal);

    private static bool IsCommunicationEvent(Type type) => typeof(ICommunicationEvent).IsAssignableFrom(type);

    /// <summary>Events are published to the exchange MassTransit names after the type; commands are sent to their queue's exchange.</summary>
    private static string ExchangeOf(Type type)
    {
        if (type.Namespace == typeof(SendAutoReply).Namespace)
        {
            var exchange = (string)typeof(Queues).GetField(type.Name)!.GetValue(null)!;
            Assert.Equal(new Uri($"exchange:{exchange}"), typeof(Queues).GetProperty($"{type.Name}Address")!.GetValue(null));
            return exchange;
        }
        var topology = RabbitMqBusFactory.CreateMessageTopology();
        var messageTopology = typeof(IMessageTopology).GetMethod(nameof(IMessageTopology.GetMessageTopology))!.MakeGenericMethod(type).Invoke(topology, null)!;
        return (string)typeof(IMessageTopology<>).MakeGenericType(type).GetProperty(nameof(IMessageTopology<object>.EntityName))!.GetValue(messageTopology)!;
    }

    private static JsonNode Message(Type type) => Document["components"]!["messages"]![type.Name]!;

    /// <summary>What the message adds to the envelope: its URN, its fields, its headers.</summary>
    private static JsonNode Envelope(Type type) => Message(type)["payload"]!["allOf"]![1]!["properties"]!;

    private static string JsonName(string name) => MassTransitJson.PropertyNamingPolicy!.ConvertName(name);

    private static List<string> Keys(JsonNode node) => Sorted(node.AsObject().Select(pair => pair.Key));

    private static List<string> Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];

    /// <summary>An instance of the record with every field set.</summary>
    private static object Sample(Type type)
    {
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)!;
        return constructor.Invoke([.. constructor.GetParameters().Select(p => SampleOf(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))]);
    }

    private static object SampleOf(Type type) =>
        type == typeof(string) ? "+14155550100"
        : type == typeof(Guid) ? Guid.CreateVersion7()
        : type == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 11, 24, 18, 5, 0, TimeSpan.FromHours(-5))
        : type.IsEnum ? Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1)!
        : throw new InvalidOperationException($"No sample {type.Name} yet.");

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(pair => pair.Key == "$ref" ? [(string)pair.Value!] : References(pair.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private static JsonObject Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }
        return ToJson(yaml.Documents.Single().RootNode)!.AsObject();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => scalar.Value switch
        {
            null or "null" or "~" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            var text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    internal static string RepositoryRoot()
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
}
