"""What may happen to a job: queueing it (``queue``) and moving it from state to state (``states``).

Inside ``jobs`` imports point one way: ``models`` <- ``domain.states`` <- ``runners``
<- ``tasks`` <- ``domain.queue``. The runners write through the state transitions,
the task runs a runner, and queueing hands the task to the worker; none of them
reaches back.
"""
