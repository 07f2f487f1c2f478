using AutoReply.ServiceDefaults.Validation;

namespace AutoReply.Ingress.Webhooks;

/// <summary>A status callback names the provider's message and its status; anything else in it is optional.</summary>
public sealed class StatusCallbackValidator
{
    public Validated<StatusCallback> Validate(StatusCallback callback)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(callback.MessageSid))
        {
            errors.Add(nameof(StatusCallback.MessageSid), "MessageSid is required.");
        }
        if (string.IsNullOrEmpty(callback.MessageStatus))
        {
            errors.Add(nameof(StatusCallback.MessageStatus), "MessageStatus is required.");
        }
        return errors.Result(() => callback);
    }
}
