namespace AutoReply.ServiceDefaults.Http;

/// <summary>A request or response type that shows a typical value of itself in the OpenAPI document.</summary>
public interface IOpenApiExample<out TSelf>
{
    static abstract TSelf Example { get; }
}
