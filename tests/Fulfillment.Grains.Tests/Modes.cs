using Fulfillment.Grains.Tests.Availability;
using Fulfillment.Grains.Tests.Inventory;
using Fulfillment.Grains.Tests.Orders;
using Fulfillment.Grains.Tests.Reservations;

// The grain suites run twice: calls passed by reference inside the silo ("Direct"), and every call and response
// written to and read back from the wire format ("Serialized"), so the contracts survive crossing silos.
namespace Fulfillment.Grains.Tests;

public sealed class InventoryGrainTests_Direct : InventoryGrainTests { protected override bool SerializeCalls => false; }
public sealed class InventoryGrainTests_Serialized : InventoryGrainTests { protected override bool SerializeCalls => true; }
public sealed class AvailabilityGrainTests_Direct : AvailabilityGrainTests { protected override bool SerializeCalls => false; }
public sealed class AvailabilityGrainTests_Serialized : AvailabilityGrainTests { protected override bool SerializeCalls => true; }
public sealed class ReservationGrainTests_Direct : ReservationGrainTests { protected override bool SerializeCalls => false; }
public sealed class ReservationGrainTests_Serialized : ReservationGrainTests { protected override bool SerializeCalls => true; }
public sealed class OrderCreationTests_Direct : OrderCreationTests { protected override bool SerializeCalls => false; }
public sealed class OrderCreationTests_Serialized : OrderCreationTests { protected override bool SerializeCalls => true; }
public sealed class OrderStageTests_Direct : OrderStageTests { protected override bool SerializeCalls => false; }
public sealed class OrderStageTests_Serialized : OrderStageTests { protected override bool SerializeCalls => true; }
public sealed class OrderStockTests_Direct : OrderStockTests { protected override bool SerializeCalls => false; }
public sealed class OrderStockTests_Serialized : OrderStockTests { protected override bool SerializeCalls => true; }
public sealed class OrderSlaTests_Direct : OrderSlaTests { protected override bool SerializeCalls => false; }
public sealed class OrderSlaTests_Serialized : OrderSlaTests { protected override bool SerializeCalls => true; }
public sealed class OrderReadersTests_Direct : OrderReadersTests { protected override bool SerializeCalls => false; }
public sealed class OrderReadersTests_Serialized : OrderReadersTests { protected override bool SerializeCalls => true; }
public sealed class OrderRestartTests_Direct : OrderRestartTests { protected override bool SerializeCalls => false; }
public sealed class OrderRestartTests_Serialized : OrderRestartTests { protected override bool SerializeCalls => true; }
