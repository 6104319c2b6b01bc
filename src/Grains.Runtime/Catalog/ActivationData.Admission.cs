namespace Grains.Runtime.Catalog;

internal sealed partial class ActivationData
{
    private int _runningCount;
    private int _runningReadOnlyCount;

    // Running requests, for deadlock detection: one field covers the common non-reentrant case without a list.
    private GrainRequest? _runningFirst;
    private List<GrainRequest>? _runningMore;

    /// <summary>
    /// Decides whether a new request may start. Requests start in arrival order, except that a request may start out of
    /// order when it interleaves with everything running and waiting would deadlock (it was made from a running
    /// request), and <see cref="AlwaysInterleaveAttribute"/> requests never queue behind others. Call under the lock.
    /// </summary>
    private Admission Admit(GrainRequest request)
    {
        var acceptsRequests = _state == ActivationState.Valid
            && (_pendingDeactivation is null || _pendingDeactivation.Value.Code == DeactivationReasonCode.ShuttingDown);
        var compatible = CanInterleaveWithRunning(request);
        var queueEmpty = _waiting is null || _waiting.Count == 0;

        if (acceptsRequests && compatible && (queueEmpty || request.IsAlwaysInterleave))
        {
            AddRunning(request);
            return Admission.Now;
        }

        if (_runningCount == 0 || !request.IsDescendantOfAny(IsRunning))
        {
            return Admission.Wait;
        }

        // Made from a request running here: waiting behind anything would wait for ourselves.
        if (compatible && _state == ActivationState.Valid)
        {
            AddRunning(request);
            return Admission.Now;
        }

        return Admission.Deadlock;
    }

    private bool CanInterleaveWithRunning(GrainRequest request) =>
        _runningCount == 0
        || GrainClass.IsReentrant
        || request.IsAlwaysInterleave
        || (request.IsReadOnly && _runningReadOnlyCount == _runningCount);

    private bool IsRunning(long requestId)
    {
        if (_runningFirst?.Id == requestId)
        {
            return true;
        }

        if (_runningMore is not null)
        {
            foreach (var running in _runningMore)
            {
                if (running.Id == requestId)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void AddRunning(GrainRequest request)
    {
        _runningCount++;
        if (request.IsReadOnly)
        {
            _runningReadOnlyCount++;
        }

        if (_runningFirst is null)
        {
            _runningFirst = request;
        }
        else
        {
            (_runningMore ??= []).Add(request);
        }
    }

    private void RemoveRunning(GrainRequest request)
    {
        if (ReferenceEquals(_runningFirst, request))
        {
            _runningFirst = null;
            if (_runningMore is { Count: > 0 })
            {
                _runningFirst = _runningMore[^1];
                _runningMore.RemoveAt(_runningMore.Count - 1);
            }
        }
        else if (_runningMore is null || !_runningMore.Remove(request))
        {
            return;
        }

        _runningCount--;
        if (request.IsReadOnly)
        {
            _runningReadOnlyCount--;
        }
    }

    /// <summary>True when the message loop has something to do now. Call under the lock.</summary>
    private bool HasRunnableWork()
    {
        if (_ready is { Count: > 0 })
        {
            return true;
        }

        switch (_state)
        {
            case ActivationState.Created:
                return true;
            case ActivationState.Valid:
                if (_pendingDeactivation is { } reason && ReadyToDeactivate(reason))
                {
                    return true;
                }

                return CanAdmitHead();
            default:
                return false;
        }
    }

    /// <summary>Takes the next piece of work, applying state transitions. Call under the lock.</summary>
    private bool TryTakeWork(out WorkItem item)
    {
        if (_ready is { Count: > 0 })
        {
            item = _ready.Dequeue();
            return true;
        }

        switch (_state)
        {
            case ActivationState.Created:
                _state = ActivationState.Activating;
                item = WorkItem.Activate;
                return true;
            case ActivationState.Valid:
                if (_pendingDeactivation is { } reason && ReadyToDeactivate(reason))
                {
                    _state = ActivationState.Deactivating;
                    item = WorkItem.Deactivate;
                    return true;
                }

                if (CanAdmitHead())
                {
                    var request = _waiting!.Dequeue();
                    if (_waiting.Count == 0)
                    {
                        // Most activations queue only while activating; an empty queue is not worth keeping.
                        _waiting = null;
                    }

                    Runtime.Metrics.MailboxDequeued();
                    AddRunning(request);
                    item = WorkItem.ForRequest(request, waited: true);
                    return true;
                }

                break;
        }

        item = default;
        return false;
    }

    private bool CanAdmitHead()
    {
        if (_waiting is not { Count: > 0 })
        {
            return false;
        }

        if (_pendingDeactivation is { } reason && reason.Code != DeactivationReasonCode.ShuttingDown)
        {
            return false;
        }

        return CanInterleaveWithRunning(_waiting.Peek());
    }

    // Shutdown drains the mailbox first; any other deactivation hands waiting requests to the successor.
    private bool ReadyToDeactivate(DeactivationReason reason) =>
        _runningCount == 0 && (reason.Code != DeactivationReasonCode.ShuttingDown || _waiting is not { Count: > 0 });
}
