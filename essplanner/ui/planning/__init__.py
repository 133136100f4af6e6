"""Events, campaigns and awareness days managed from the window: the dialogs (`events`,
`days`), their undoable commands (`commands`), the editor's campaign row (`campaign_row`)
and the window's hooks (`actions`)."""
