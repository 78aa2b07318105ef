"""Where a story stands in its review, in the producer's words."""


def review_status(story) -> dict:
    """Where a story stands, in the producer's words, with the reviewer's comment when sent back."""
    state = story.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        return {"code": "needs_changes", "label": "Cần sửa", "comment": state.current_task_state.comment}
    if state is not None:
        return {"code": "in_review", "label": "Đang chờ thẩm định", "comment": ""}
    if story.live and story.has_unpublished_changes:
        return {"code": "live_with_draft", "label": "Đã xác minh · có bản sửa chưa gửi", "comment": ""}
    if story.live:
        return {"code": "live", "label": "Đã xác minh, đang hiển thị", "comment": ""}
    return {"code": "draft", "label": "Bản nháp, chưa gửi", "comment": ""}
