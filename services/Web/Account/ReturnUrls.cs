namespace AutoReply.Web.Account;

/// <summary>Where a form sends a person back to after it is done.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// <paramref name="returnUrl"/> when it is a page of this app ("/…", not "//host" or "/\host"),
    /// else the home page: a link must not send anyone elsewhere.
    /// </summary>
    public static string LocalOrHome(string? returnUrl) => returnUrl is ['/', not ('/' or '\\'), ..] ? returnUrl : "/";
}
