namespace AutoReply.ServiceDefaults.Validation;

/// <summary>The page of a list endpoint: <c>limit</c> and <c>offset</c>, newest first.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static void Check(int limit, int offset, FieldErrors errors)
    {
        if (limit < 1 || limit > MaxLimit || offset < 0)
        {
            errors.Add("limit", $"limit must be 1 to {MaxLimit}, offset zero or more.");
        }
    }
}
