using System.Text.Json;
using AutoReply.Contracts;

namespace AutoReply.UnitTests.Contracts;

public sealed class VocabularyTests
{
    public static TheoryData<Type> Vocabularies() => [.. typeof(Vocabulary).Assembly.GetTypes().Where(type => type.IsEnum && type.IsPublic)];

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void Every_value_is_written_the_same_on_the_wire_and_in_the_database_and_reads_back(Type vocabulary)
    {
        var check = typeof(VocabularyTests).GetMethod(nameof(AssertOneSpelling), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        check.MakeGenericMethod(vocabulary).Invoke(null, null);
    }

    private static void AssertOneSpelling<TValue>() where TValue : struct, Enum
    {
        foreach (var value in Enum.GetValues<TValue>())
        {
            var name = Vocabulary.Name(value);
            Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(value, JsonSerializerOptions.Web));
            Assert.Equal(value, JsonSerializer.Deserialize<TValue>($"\"{name}\"", JsonSerializerOptions.Web));
            Assert.Equal(value, Vocabulary.Parse<TValue>(name));
        }
    }

    [Fact]
    public void Event_types_and_bus_messages_map_one_to_one()
    {
        foreach (var type in Enum.GetValues<EventType>())
        {
            var message = AutoReply.Contracts.Events.CommunicationEvents.Create(type, "evt-1", "+14155550100", "+14155550199", DateTimeOffset.UnixEpoch, body: null);
            Assert.Equal(type, AutoReply.Contracts.Events.CommunicationEvents.TypeOf(message));
        }
    }

    [Theory]
    [InlineData(null, DeliveryState.Queued, true)]
    [InlineData(DeliveryState.Sending, DeliveryState.Queued, true)]
    [InlineData(DeliveryState.Queued, DeliveryState.Delivered, true)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Sent, false)]
    [InlineData(DeliveryState.Sent, DeliveryState.Sent, false)]
    [InlineData(DeliveryState.Delivered, DeliveryState.Undelivered, false)]
    [InlineData(DeliveryState.Failed, DeliveryState.Delivered, false)]
    public void Delivery_states_only_move_forward_and_a_final_state_never_changes(DeliveryState? current, DeliveryState next, bool moves)
    {
        Assert.Equal(moves, DeliveryStates.IsForward(current, next));
    }

    [Theory]
    [InlineData("delivered", true)]
    [InlineData("queued", true)]
    [InlineData("sending", false)]
    [InlineData("accepted", false)]
    [InlineData("receiving", false)]
    public void Only_the_provider_statuses_autoreply_tracks_are_taken_from_callbacks(string status, bool tracked)
    {
        Assert.Equal(tracked, DeliveryStates.TryParseReported(status, out _));
    }
}
