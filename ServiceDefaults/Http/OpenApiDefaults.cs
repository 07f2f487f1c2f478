using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AutoReply.ServiceDefaults.Http;

/// <summary>
/// Each HTTP service's OpenAPI document, generated from its endpoints at <c>/openapi/v1.json</c>
/// (committed under <c>docs/openapi/</c>), and Scalar's interactive reference at <c>/scalar</c> in Development.
/// </summary>
public static class OpenApiDefaults
{
    public const string DocumentPath = "/openapi/{documentName}.json";
    private const string BearerScheme = "bearer";

    /// <param name="title">The document's title.</param>
    /// <param name="description">What the service is for, in a sentence or two.</param>
    /// <param name="apiKey">Whether endpoints (all but those allowing anonymous callers) need <c>Authorization: Bearer &lt;api key&gt;</c>.</param>
    public static IHostApplicationBuilder AddOpenApiDocument(this IHostApplicationBuilder builder, string title, string description, bool apiKey)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer((schema, context, _) =>
            {
                if (ExampleOf(context.JsonTypeInfo.Type, context.JsonTypeInfo.Options) is { } example)
                {
                    schema.Examples = [example];
                }
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeDeclaredBodyAsync);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = title, Version = "v1", Description = description };
                // The address depends on where the document is read from; clients know where they called.
                document.Servers = [];
                if (apiKey)
                {
                    document.Components ??= new OpenApiComponents();
                    document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                    document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "The API key: `Authorization: Bearer <api key>`. A missing or wrong key is 401.",
                    };
                }
                return Task.CompletedTask;
            });
            if (apiKey)
            {
                options.AddOperationTransformer((operation, context, _) =>
                {
                    if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                    {
                        return Task.CompletedTask;
                    }
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                    operation.Responses ??= [];
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or not a valid one (problem details)." });
                    return Task.CompletedTask;
                });
            }
        });
        return builder;
    }

    /// <summary>
    /// An endpoint that reads its body as raw JSON (so that a wrongly typed field is a field error, not
    /// a failed binding) declares the body's real type with <c>Accepts&lt;T&gt;</c>: document that type.
    /// </summary>
    private static async Task DescribeDeclaredBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().LastOrDefault(accepts => accepts.RequestType is not null);
        if (declared is null || operation.RequestBody?.Content is not { } content)
        {
            return;
        }
        var schema = await context.GetOrCreateSchemaAsync(declared.RequestType!, null, cancellationToken);
        foreach (var media in content.Values.OfType<OpenApiMediaType>())
        {
            media.Schema = schema;
        }
    }

    private static System.Text.Json.Nodes.JsonNode? ExampleOf(Type type, JsonSerializerOptions json)
    {
        var isExampled = type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOpenApiExample<>));
        var example = isExampled ? type.GetProperty(nameof(IOpenApiExample<>.Example), BindingFlags.Public | BindingFlags.Static)?.GetValue(null) : null;
        return example is null ? null : JsonSerializer.SerializeToNode(example, type, json);
    }

    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }
        return app;
    }
}
