using System.Globalization;

namespace AutoReply.Drill;

/// <summary>What a contact does in the stream, and so what the rules alone say it must receive.</summary>
public enum ContactPlan
{
    /// <summary>Calls, leaves voicemails and texts, repeatedly: exactly one auto-reply (the cooldown covers the rest).</summary>
    Replied,

    /// <summary>The business called or texted it by hand first: no auto-reply (recent activity).</summary>
    BusinessActive,

    /// <summary>Texted STOP first: no auto-reply.</summary>
    OptedOut,

    /// <summary>Texted STOP, then START: exactly one auto-reply.</summary>
    OptedBackIn,

    /// <summary>On a number whose replies wait: missed a call, and the business called back two seconds later: no auto-reply (cancelled).</summary>
    CalledBackDuringDelay,
}

/// <summary>A contact of a number; <see cref="Delayed"/> when the number's auto-replies wait before they go out.</summary>
public sealed record ContactPair(string PhoneNumber, string Contact, ContactPlan Plan, bool Delayed = false)
{
    public int ExpectedTexts => Plan is ContactPlan.Replied or ContactPlan.OptedBackIn ? 1 : 0;
}

/// <summary>One POST to ingress, due <see cref="At"/> after the stream starts; a repeated id is a client retrying.</summary>
public sealed record PlannedEvent(TimeSpan At, string Id, string Type, ContactPair Pair, string? Body)
{
    public bool IsInbound => Type is "call.missed" or "voicemail.received" or "message.received";
}

/// <summary>
/// The generated stream: many numbers and contacts, each contact following a <see cref="ContactPlan"/>,
/// with repeats inside the cooldown and duplicate ids. A contact's first event (its call by the
/// business, its STOP) comes well before its inbound events, so what it must receive does not
/// depend on how the system orders concurrent messages.
/// </summary>
public sealed class Traffic
{
    private static readonly TimeSpan OpeningLead = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StartAfterStop = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CallBackAfter = TimeSpan.FromSeconds(2);
    private static readonly string[] InboundTypes = ["call.missed", "voicemail.received", "message.received"];
    private static readonly string[] Texts = ["Hi, are you open today?", "Can I book for Friday?", "Call me back please", "Is the shop open?"];

    private Traffic(IReadOnlyList<ContactPair> pairs, IReadOnlyList<PlannedEvent> events)
    {
        Pairs = pairs;
        Events = events;
    }

    public IReadOnlyList<ContactPair> Pairs { get; }

    /// <summary>Every POST in the order it is due.</summary>
    public IReadOnlyList<PlannedEvent> Events { get; }

    public IEnumerable<string> PhoneNumbers => Pairs.Select(pair => pair.PhoneNumber).Distinct();

    /// <summary>The numbers whose auto-replies wait before they go out.</summary>
    public IEnumerable<string> DelayedNumbers => Pairs.Where(pair => pair.Delayed).Select(pair => pair.PhoneNumber).Distinct();

    public static Traffic Generate(DrillOptions options)
    {
        var random = new Random(options.Seed);
        var run = random.Next().ToString("x8", CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(options.Duration);
        var numbers = Enumerable.Range(0, options.Numbers).Select(_ => PhoneNumber(random, options.NumberPrefix)).ToList();
        var delayed = numbers.Take((int)Math.Round(options.Numbers * Math.Clamp(options.DelayedNumbers, 0, 1))).ToHashSet();
        var pairs = numbers
            .SelectMany(number => Enumerable.Range(0, options.ContactsPerNumber).Select(_ =>
                new ContactPair(number, PhoneNumber(random, "+1628"), PlanFor(random.NextDouble(), delayed.Contains(number)), delayed.Contains(number))))
            .ToList();

        var events = new List<PlannedEvent>();
        var eventCount = 0;
        string NextId() => $"drill-{run}-{eventCount++}";
        var firstInbound = new Dictionary<ContactPair, TimeSpan>();
        var latestOpening = duration - OpeningLead - StartAfterStop;
        foreach (var pair in pairs)
        {
            var opening = latestOpening > TimeSpan.Zero ? latestOpening * random.NextDouble() : TimeSpan.Zero;
            switch (pair.Plan)
            {
                case ContactPlan.BusinessActive:
                    events.Add(new PlannedEvent(opening, NextId(), random.Next(2) == 0 ? "call.placed" : "message.sent", pair, null));
                    break;
                case ContactPlan.OptedOut:
                    events.Add(new PlannedEvent(opening, NextId(), "message.received", pair, "STOP"));
                    break;
                case ContactPlan.OptedBackIn:
                    events.Add(new PlannedEvent(opening, NextId(), "message.received", pair, "STOP"));
                    events.Add(new PlannedEvent(opening + StartAfterStop, NextId(), "message.received", pair, "START"));
                    opening += StartAfterStop;
                    break;
                case ContactPlan.CalledBackDuringDelay:
                    events.Add(new PlannedEvent(opening, NextId(), "call.missed", pair, null));
                    events.Add(new PlannedEvent(opening + CallBackAfter, NextId(), "call.placed", pair, null));
                    break;
            }
            // Contacts who are simply replied to turn up over the first four fifths of the stream, so their
            // first replies come at a steady rate rather than as one burst at the start.
            firstInbound[pair] = pair.Plan == ContactPlan.Replied ? duration * 0.8 * random.NextDouble() : opening + OpeningLead;
        }

        // Every contact gets at least one inbound event; the rest of the budget is spread evenly over
        // the stream, each event going to one of the contacts that have turned up by then, so the
        // offered rate is the same from the first second to the last.
        var budget = Math.Max(options.Rate * options.Duration - events.Count, pairs.Count);
        List<ContactPair> byArrival = [.. pairs.OrderBy(pair => firstInbound[pair])];
        List<TimeSpan> arrivals = [.. byArrival.Select(pair => firstInbound[pair])];
        for (var i = 0; i < budget; i++)
        {
            ContactPair pair;
            TimeSpan at;
            if (i < pairs.Count)
            {
                pair = pairs[i];
                var from = firstInbound[pair];
                at = from + ((duration > from ? duration - from : TimeSpan.Zero) * random.NextDouble());
            }
            else
            {
                at = duration * random.NextDouble();
                var arrived = arrivals.BinarySearch(at);
                var count = Math.Max(1, arrived >= 0 ? arrived + 1 : ~arrived);
                pair = byArrival[random.Next(count)];
                at = at < firstInbound[pair] ? firstInbound[pair] : at;
            }
            var type = InboundTypes[random.Next(InboundTypes.Length)];
            var inbound = new PlannedEvent(at, NextId(), type, pair, type == "message.received" ? Texts[random.Next(Texts.Length)] : null);
            events.Add(inbound);
            if (random.NextDouble() < 0.03)
            {
                // The client did not see the answer and posts the same event again.
                events.Add(inbound with { At = at + TimeSpan.FromMilliseconds(500) });
            }
        }

        return new Traffic(pairs, [.. events.OrderBy(e => e.At)]);
    }

    private static ContactPlan PlanFor(double draw, bool delayed) => draw switch
    {
        < 0.15 => ContactPlan.BusinessActive,
        < 0.25 => ContactPlan.OptedOut,
        < 0.30 => ContactPlan.OptedBackIn,
        < 0.50 when delayed => ContactPlan.CalledBackDuringDelay,
        _ => ContactPlan.Replied,
    };

    private static string PhoneNumber(Random random, string prefix) =>
        prefix + random.Next(2_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
}
