"""Partner > Partner profile… edits the profile after the first start, with the same checks; a
saved change reopens the window on the same database, so the new tenant ID is used everywhere."""

from __future__ import annotations

from pcdesk.services.partner.profile import get_partner_profile

TENANT = "11111111-2222-4333-8444-555555555555"


def test_the_partner_menu_edits_the_profile(main_window, qtbot, keyboard, settle) -> None:
    window = main_window
    texts = [a.text() for a in window.partner_menu.actions()]
    assert texts[0] == "Partner &profile…"
    reopened: list[str] = []
    window.open_database_requested.connect(reopened.append)
    dialog = window.partner_profile.open()
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert dialog.tenant_id.text() == get_partner_profile(window.db).tenant_id
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    keyboard.replace(dialog.tenant_id, "not-a-guid")
    keyboard.leave(dialog.tenant_id)
    assert dialog.messages["tenant_id"].is_error()  # the same checks as at first start
    keyboard.replace(dialog.tenant_id, TENANT)
    keyboard.leave(dialog.tenant_id)
    dialog.save_button.click()
    settle()
    assert get_partner_profile(window.db).tenant_id == TENANT
    assert reopened == [window.db.engine.url.render_as_string(hide_password=False)]
