using System.Globalization;
using System.Text.Json;
using Grains.Runtime;

namespace Grains.Reminders;

/// <summary>
/// The runtime's own grain interface, <see cref="IRemindable"/>, described by hand: the runtime does not run the
/// proxy generator on itself. Assemblies whose grain interfaces extend IRemindable generate equivalent copies.
/// </summary>
internal sealed class RemindableMetadata : IGrainAssemblyMetadata
{
    public const string InterfaceName = "Grains.IRemindable";

    public static RemindableMetadata Instance { get; } = new();

    public void Populate(GrainMetadataBuilder builder)
    {
        builder.AddInterface(typeof(IRemindable), InterfaceName, static (invoker, id, timeout) => new RemindableProxy(invoker, id, timeout));
        builder.AddMethod(ReceiveReminderRequest.Descriptor);
    }

    private sealed class RemindableProxy(IGrainCallInvoker invoker, GrainId grainId, TimeSpan? responseTimeout)
        : GrainReference(invoker, grainId, responseTimeout), IRemindable
    {
        protected override GrainReference WithResponseTimeoutCore(TimeSpan? responseTimeout) =>
            new RemindableProxy(Invoker, GrainId, responseTimeout);

        Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) =>
            InvokeVoidTaskAsync(new ReceiveReminderRequest { ReminderName = reminderName, Status = status });
    }

    private sealed class ReceiveReminderRequest : GrainRequest<None>
    {
        internal static readonly GrainMethodDescriptor Descriptor = new(InterfaceName, nameof(IRemindable.ReceiveReminder), GrainMethodFlags.None, null, Read);

        public string ReminderName = string.Empty;
        public TickStatus Status;

        public override GrainMethodDescriptor Method => Descriptor;

        protected override ValueTask<None> InvokeCoreAsync(object grain) => FromTask(((IRemindable)grain).ReceiveReminder(ReminderName, Status));

        protected override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(ReminderName);
            writer.WriteStringValue(Status.FirstTickTime);
            writer.WriteStringValue(Status.Period.ToString("c", CultureInfo.InvariantCulture));
            writer.WriteStringValue(Status.CurrentTickTime);
            writer.WriteEndArray();
        }

        private static GrainRequest Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
        {
            GrainArguments.ReadStartArray(ref reader);
            var request = new ReceiveReminderRequest { ReminderName = ReadString(ref reader) };
            var first = DateTimeOffset.Parse(ReadString(ref reader), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var period = TimeSpan.ParseExact(ReadString(ref reader), "c", CultureInfo.InvariantCulture);
            var current = DateTimeOffset.Parse(ReadString(ref reader), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            request.Status = new TickStatus(first, period, current);
            GrainArguments.ReadEndArray(ref reader);
            return request;
        }

        private static string ReadString(ref Utf8JsonReader reader)
        {
            reader.Read();
            return reader.GetString() ?? throw new JsonException("A reminder message field is null.");
        }
    }
}
