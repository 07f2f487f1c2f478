namespace AutoReply.ServiceDefaults.Validation;

/// <summary>The page of a list endpoint: <c>limit</c> and <c>offset</c>, newest first.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>For a list endpoint whose only query is its page.</summary>
    public static Validated<Page> Validate(int limit, int offset)
    {
        var errors = new FieldErrors();
        Check(limit, offset, errors);
        return errors.Result(() => new Page(limit, offset));
    }

    public static void Check(int limit, int offset, FieldErrors errors)
    {
        if (limit < 1 || limit > MaxLimit || offset < 0)
        {
            errors.Add("limit", $"limit must be 1 to {MaxLimit}, offset zero or more.");
        }
    }
}

public sealed record Page(int Limit, int Offset);
