/// The reserved intent label of a turn whose reply asks what the customer meant.
public let clarifyLabel = "clarify"
