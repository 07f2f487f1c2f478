using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AutoReply.Tests;

/// <summary>Reads an observable instrument as an exporter would, from the meters of one service provider only.</summary>
public static class Gauges
{
    /// <summary>
    /// What the instrument <paramref name="name"/> reports now: the sum of its measurements, or of those
    /// carrying the tag <paramref name="tag"/> when one is given.
    /// </summary>
    public static double Read(IServiceProvider services, string name, (string Key, string Value)? tag = null)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        double total = 0;
        void Add(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tag is not { } wanted)
            {
                total += value;
                return;
            }
            foreach (var (key, tagValue) in tags)
            {
                if (key == wanted.Key && Equals(tagValue, wanted.Value))
                {
                    total += value;
                }
            }
        }

        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meters) =>
            {
                if (instrument.Name == name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    meters.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => Add(value, tags));
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => Add(value, tags));
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Add(value, tags));
        listener.Start();
        listener.RecordObservableInstruments();
        return total;
    }
}
