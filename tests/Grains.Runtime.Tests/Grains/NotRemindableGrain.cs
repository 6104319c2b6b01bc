namespace Grains.Runtime.Tests.Grains;

public sealed class NotRemindableGrain : Grain, INotRemindableGrain
{
    public Task TryRegister() => RegisterOrUpdateReminder("never", DateTimeOffset.UnixEpoch);
}
