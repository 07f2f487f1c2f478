namespace AutoReply.Contracts.Events;

/// <summary>The headers ingress puts on the communication events it publishes.</summary>
public static class EventHeaders
{
    /// <summary>
    /// The workspace whose API key submitted the event (a GUID). Rules decides such an event within
    /// that workspace only: for a number it does not own the event is an unknown number, and it
    /// never texts, opts anyone out or counts as the business's activity. Internal services that
    /// publish on the bus leave it out; they are trusted, and the event belongs to whichever
    /// workspace owns its number.
    /// </summary>
    public const string Workspace = "AutoReply-Workspace";
}
