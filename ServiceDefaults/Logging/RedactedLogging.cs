using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoReply.ServiceDefaults.Logging;

public static class RedactedLogging
{
    /// <summary>
    /// Routes every log through the redaction engine: phone numbers are masked, message bodies
    /// are erased, whatever sink the logs go to.
    /// </summary>
    public static IHostApplicationBuilder AddRedactedLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.EnableRedaction();
        // The engine would append the parameter name to each value before redacting ("+14155550100:To"),
        // which hides the digits the phone redactor means to keep.
        builder.Services.Configure<LoggerRedactionOptions>(options => options.ApplyDiscriminator = false);
        builder.Services.AddRedaction(redaction =>
        {
            redaction.SetRedactor<PhoneNumberRedactor>(PersonalData.PhoneNumber);
            redaction.SetRedactor<ErasingRedactor>(PersonalData.MessageBody);
            redaction.SetFallbackRedactor<ErasingRedactor>();
        });
        return builder;
    }
}
