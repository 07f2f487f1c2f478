using AutoReply.Ingress.Access;

namespace AutoReply.Ingress.Events;

/// <summary>
/// What taking an event in goes through, bound with <c>[AsParameters]</c>: its validation, whose
/// number it is, the intake onto the bus, and the intake's metrics; the same for one event and a batch.
/// </summary>
public sealed record EventTaking(EventValidator Validator, NumberAccess Numbers, EventIntake Intake, IngressMetrics Metrics);
