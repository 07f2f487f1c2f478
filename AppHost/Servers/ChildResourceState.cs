namespace AutoReply.AppHost.Servers;

/// <summary>
/// Aspire gives a child resource the state of its parent only when the parent is a container; a
/// database under a local server follows its server here instead, or WaitFor on it never ends.
/// </summary>
internal static class ChildResourceState
{
    public static async Task FollowParentAsync<TParent>(IResourceWithParent<TParent> child, ResourceNotificationService notifications, CancellationToken cancellationToken)
        where TParent : IResource
    {
        await foreach (var update in notifications.WatchAsync(cancellationToken))
        {
            if (ReferenceEquals(update.Resource, child.Parent))
            {
                await notifications.PublishUpdateAsync(child, state => state with
                {
                    State = update.Snapshot.State,
                    StartTimeStamp = update.Snapshot.StartTimeStamp,
                    StopTimeStamp = update.Snapshot.StopTimeStamp,
                });
            }
        }
    }
}
