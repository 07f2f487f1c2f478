using AutoReply.Web.RulesApi.Models;
using Microsoft.Kiota.Abstractions.Helpers;
using AutoReply.Web.Components.Numbers;

namespace AutoReply.Web.AutoReplies;

/// <summary>The auto-reply pages' addresses, relative to the app's base.</summary>
public static class AutoReplyPaths
{
    public static string New(Guid workspaceId, string phoneNumber, Trigger trigger, Schedule schedule) =>
        $"{NumberPage.Path(workspaceId, phoneNumber)}/auto-replies/new?trigger={EnumHelpers.GetEnumStringValue(trigger)}&schedule={EnumHelpers.GetEnumStringValue(schedule)}";

    public static string Edit(Guid workspaceId, string phoneNumber, Guid id) => $"{NumberPage.Path(workspaceId, phoneNumber)}/auto-replies/{id}/edit";

    public static string Delete(Guid workspaceId, string phoneNumber, Guid id) => $"{NumberPage.Path(workspaceId, phoneNumber)}/auto-replies/{id}/delete";

    public static string Preview(Guid workspaceId, string phoneNumber) => $"{NumberPage.Path(workspaceId, phoneNumber)}/auto-replies/preview";

    /// <summary>Back to the number's auto-replies after a change.</summary>
    public static string Slots(Guid workspaceId, string phoneNumber) => $"{NumberPage.Path(workspaceId, phoneNumber)}#auto-replies";
}
