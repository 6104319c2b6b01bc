using Grains.Runtime.Tests.Activation;
using Grains.Runtime.Tests.Lifecycle;
using Grains.Runtime.Tests.Reminders;
using Grains.Runtime.Tests.Scheduling;
using Grains.Runtime.Tests.State;
using Grains.Runtime.Tests.Streams;
using Grains.Runtime.Tests.Timers;

// Every runtime suite runs twice: calls passed by reference inside the silo ("Direct"), and every call and response
// written to and read back from the wire format ("Serialized"), so nothing depends on shared references.
namespace Grains.Runtime.Tests;

public sealed class ActivationTests_Direct : ActivationTests { protected override bool SerializeCalls => false; }
public sealed class ActivationTests_Serialized : ActivationTests { protected override bool SerializeCalls => true; }
public sealed class ExceptionTests_Direct : ExceptionTests { protected override bool SerializeCalls => false; }
public sealed class ExceptionTests_Serialized : ExceptionTests { protected override bool SerializeCalls => true; }
public sealed class TurnTests_Direct : TurnTests { protected override bool SerializeCalls => false; }
public sealed class TurnTests_Serialized : TurnTests { protected override bool SerializeCalls => true; }
public sealed class DeadlockTests_Direct : DeadlockTests { protected override bool SerializeCalls => false; }
public sealed class DeadlockTests_Serialized : DeadlockTests { protected override bool SerializeCalls => true; }
public sealed class DeadlineTests_Direct : DeadlineTests { protected override bool SerializeCalls => false; }
public sealed class DeadlineTests_Serialized : DeadlineTests { protected override bool SerializeCalls => true; }
public sealed class CollectionTests_Direct : CollectionTests { protected override bool SerializeCalls => false; }
public sealed class CollectionTests_Serialized : CollectionTests { protected override bool SerializeCalls => true; }
public sealed class ShutdownTests_Direct : ShutdownTests { protected override bool SerializeCalls => false; }
public sealed class ShutdownTests_Serialized : ShutdownTests { protected override bool SerializeCalls => true; }
public sealed class PersistentStateTests_Direct : PersistentStateTests { protected override bool SerializeCalls => false; }
public sealed class PersistentStateTests_Serialized : PersistentStateTests { protected override bool SerializeCalls => true; }
public sealed class ReminderTests_Direct : ReminderTests { protected override bool SerializeCalls => false; }
public sealed class ReminderTests_Serialized : ReminderTests { protected override bool SerializeCalls => true; }
public sealed class GrainTimerTests_Direct : GrainTimerTests { protected override bool SerializeCalls => false; }
public sealed class GrainTimerTests_Serialized : GrainTimerTests { protected override bool SerializeCalls => true; }
public sealed class StreamDeliveryTests_Direct : StreamDeliveryTests { protected override bool SerializeCalls => false; }
public sealed class StreamDeliveryTests_Serialized : StreamDeliveryTests { protected override bool SerializeCalls => true; }
public sealed class StreamRecoveryTests_Direct : StreamRecoveryTests { protected override bool SerializeCalls => false; }
public sealed class StreamRecoveryTests_Serialized : StreamRecoveryTests { protected override bool SerializeCalls => true; }
public sealed class StateWriteCoalescerTests_Direct : StateWriteCoalescerTests { protected override bool SerializeCalls => false; }
public sealed class StateWriteCoalescerTests_Serialized : StateWriteCoalescerTests { protected override bool SerializeCalls => true; }
