using System.Diagnostics.CodeAnalysis;

namespace AutoReply.ServiceDefaults.Validation;

/// <summary>
/// What every request validator returns: the checked value, parsed and ready to use, or the field
/// errors that become the <c>errors</c> map of a 400 problem-details answer (<c>Problems.Invalid</c>).
/// Written here rather than with DataAnnotations or FluentValidation because the validators parse
/// as they check (time zones, hours, durations, E.164) and hand the parsed value on.
/// </summary>
public sealed class Validated<T>
    where T : class
{
    internal Validated(T? value, IDictionary<string, string[]> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    /// <summary>Field (camelCase JSON path, <c>""</c> for the body as a whole) to what is wrong with it.</summary>
    public IDictionary<string, string[]> Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;
}

public static class Validated
{
    public static Validated<T> Valid<T>(T value) where T : class => new(value, new Dictionary<string, string[]>());

    public static Validated<T> Invalid<T>(FieldErrors errors) where T : class => new(null, errors.ToDictionary());
}

/// <summary>The errors a validator finds, collected field by field in the order it checks them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>Valid with the value <paramref name="create"/> builds from the checked fields, unless an error was found.</summary>
    public Validated<T> Result<T>(Func<T> create) where T : class => Any ? Validated.Invalid<T>(this) : Validated.Valid(create());

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(field => field.Key, field => field.Value.ToArray(), StringComparer.Ordinal);
}
