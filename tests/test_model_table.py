"""The model extractor, table-driven: quoted and capitalised titles, owners, lists after a colon."""

from __future__ import annotations

import pytest

from bantin.extractors import find_all
from bantin.pipeline.text.document import build_document
from tests.tables import table_rows


def _case(*args: object, id: str, was: str) -> object:
    """A case that once failed; `was` says what the bug was, so a regression reads as that bug."""
    return pytest.param(*args, id=id)


# Each expected mention: (title, owner).
CASES: list = [
    # A group launched under a name is a model.
    (
        "Chiều 28.4, Hội Nông dân phường Cẩm Châu tổ chức ra mắt tổ hội nghề nghiệp “Trồng và chăm sóc hoa, cây cảnh” tại khối phố An Mỹ.",
        [("Trồng và chăm sóc hoa, cây cảnh", "Hội Nông dân phường Cẩm Châu")],
        "launched-group-with-a-quoted-name",
    ),
    (
        "Ngày 29-5, Hội Nông dân xã Tân Hội ra mắt Chi hội  nuôi cá tại ấp Tân Hòa.",
        [("Chi hội nuôi cá", "Hội Nông dân xã Tân Hội")],
        "launched-group-named-by-what-it-does",
    ),
    ("Ban Chủ nhiệm CLB được ra mắt với 40 thành viên.", [], "launched-without-a-name"),
    (
        "Xã Thân Thuộc ra mắt câu lạc bộ liên thế hệ tự giúp nhau.",
        [("câu lạc bộ liên thế hệ tự giúp nhau", "Xã Thân Thuộc")],
        "launched-club-in-lower-case",
    ),
    ("Phường ra mắt tổ công tác.", [], "launched-group-of-one-word-is-a-kind"),
    # A project is a model by its quoted name only.
    (
        "Hội Nông dân hỗ trợ dự án “Trồng và chăm sóc vườn cây ăn trái” cho 10 hộ.",
        [("Trồng và chăm sóc vườn cây ăn trái", None)],
        "quoted-project",
    ),
    ("Dự án hỗ trợ phát triển sản xuất cộng đồng được triển khai.", [], "unquoted-project-is-a-kind"),
    # An organisation after the trigger runs a kind of model: no title.
    (
        "Việc xây dựng mô hình Chi hội nghề nghiệp trong Hội Nông dân có ý nghĩa quan trọng.",
        [],
        "organisation-after-trigger-is-no-title",
    ),
    (
        "Năm 2023, có 15 mô hình Hội LHPN xã đăng kí về học tập và làm theo tư tưởng Hồ Chí Minh.",
        [],
        "organisation-registering-is-no-title",
    ),
    (
        "Khu phố duy trì mô hình Tổ tự quản an ninh trật tự.",
        [("Tổ tự quản an ninh trật tự", "Khu phố")],
        "to-tu-quan-stays-a-title",
    ),
    # A few lower-case words may stand between the trigger and the quote; "theo phương châm" may not.
    (
        "Điển hình tiên tiến “Gia đình hiếu học” được biểu dương.",
        [("Gia đình hiếu học", None)],
        "modifier-tien-tien",
    ),
    (
        "Phường nhân rộng mô hình điểm “Khu phố không rác” của khu phố 2.",
        [("Khu phố không rác", "khu phố 2")],
        "modifier-diem-with-owner",
    ),
    (
        "Hội viên thực hiện mô hình theo phương châm “4 tại chỗ” trong phòng cháy.",
        [],
        "slogan-after-phuong-cham",
    ),
    # A list after "như" without a colon, its last item ending before the verb.
    (
        "Các mô hình như Hũ gạo tình thương, Nồi cháo yêu thương tiếp tục được duy trì.",
        [("Hũ gạo tình thương", None), ("Nồi cháo yêu thương", None)],
        "list-nhu-without-colon",
    ),
    # Quoted titles after a trigger, each quote style.
    (
        "Nhiều mạnh thường quân đồng hành cùng mô hình “Đồng phục chắp cánh ước mơ” tặng đồng phục cho học sinh.",
        [("Đồng phục chắp cánh ước mơ", None)],
        "curly-quotes",
    ),
    (
        'Tổ dân phố 5 duy trì mô hình "Tuyến hẻm xanh - sạch - đẹp" trong nhiều năm liền.',
        [("Tuyến hẻm xanh - sạch - đẹp", "Tổ dân phố 5")],
        "straight-quotes-owner-before-duy-tri",
    ),
    (
        "Nhiều hộ dân hưởng ứng mô hình «Thùng rác nghĩa tình» do tổ dân phố phát động.",
        [("Thùng rác nghĩa tình", None)],
        "guillemets",
    ),
    (
        "Phường biểu dương điển hình “Gia đình hiếu học” trong phong trào thi đua yêu nước.",
        [("Gia đình hiếu học", None)],
        "dien-hinh-quoted",
    ),
    _case(
        "Phường biểu dương điển hình “Người tốt việc tốt” trong phong trào thi đua yêu nước.",
        [],
        id="dien-hinh-of-a-known-campaign",
        was="the nationwide campaign's own name after 'điển hình' was read as a model title",
    ),
    (
        "Đoàn phường gắn biển công trình “Tuyến đường cờ Tổ quốc” chào mừng ngày Quốc khánh 2/9.",
        [("Tuyến đường cờ Tổ quốc", None)],
        "cong-trinh-quoted",
    ),
    (
        "Đoàn viên hăng hái hưởng ứng mô hình “Ngày Chủ nhật   xanh” tại các tuyến hẻm.",
        [("Ngày Chủ nhật xanh", None)],
        "whitespace-collapsed",
    ),
    (
        "Mô hình “Bữa cơm yêu thương” đã hỗ trợ hơn 300 suất ăn mỗi tháng cho người lao động nghèo.",
        [("Bữa cơm yêu thương", None)],
        "sentence-initial-trigger",
    ),
    # Owner after the title: "… của X".
    (
        "Phường ghi nhận mô hình “Thắp sáng đường quê” của Đoàn thanh niên phường.",
        [("Thắp sáng đường quê", "Đoàn thanh niên phường")],
        "owner-cua-after-quote",
    ),
    (
        "Ban Thường vụ Quận đoàn tuyên dương công trình “Tủ sách thiếu nhi” của Chi đoàn khu phố 2; "
        "đồng thời trao giấy khen cho 5 đoàn viên.",
        [("Tủ sách thiếu nhi", "Chi đoàn khu phố 2")],
        "owner-cua-stops-at-semicolon",
    ),
    # Owner before a verb.
    (
        "Hội Phụ nữ phường thực hiện mô hình “Tiết kiệm vì chị em nghèo” từ năm 2020.",
        [("Tiết kiệm vì chị em nghèo", "Hội Phụ nữ phường")],
        "owner-before-thuc-hien",
    ),
    (
        "Hội Cựu chiến binh phường ra mắt “Tổ tự quản an ninh trật tự khu phố 4” vào sáng nay.",
        [("Tổ tự quản an ninh trật tự khu phố 4", "Hội Cựu chiến binh phường")],
        "owner-before-ra-mat-quote",
    ),
    (
        "Ủy ban Mặt trận Tổ quốc phường xây dựng mô hình “Khu dân cư không rác thải nhựa”.",
        [("Khu dân cư không rác thải nhựa", "Ủy ban Mặt trận Tổ quốc phường")],
        "owner-before-xay-dung",
    ),
    (
        "Công an phường triển khai mô hình “Camera an ninh kết nối cộng đồng” tại 6 khu phố.",
        [("Camera an ninh kết nối cộng đồng", "Công an phường")],
        "owner-before-trien-khai",
    ),
    (
        "Chủ tịch UBND phường trao giấy khen cho Tập thể Công an phường Tân Định với mô hình “Tổ liên gia an toàn”.",
        [("Tổ liên gia an toàn", "Công an phường Tân Định")],
        "tap-the-dropped",
    ),
    (
        "Quận ủy khen thưởng cho Tập thể Hội Nông dân phường với mô hình Vườn rau sạch trong khu dân cư.",
        [("Vườn rau sạch trong khu dân cư", "Hội Nông dân phường")],
        "tap-the-unquoted-title",
    ),
    (
        "Phường biểu dương mô hình “Dòng kênh xanh” của đồng chí Nguyễn Văn An - Bí thư Chi bộ khu phố 6.",
        [("Dòng kênh xanh", "Nguyễn Văn An")],
        "owner-person-with-title",
    ),
    (
        "Đồng chí Trần Thị Lan, Trưởng khu phố 1 xây dựng mô hình “Tiếng kẻng an ninh”.",
        [("Tiếng kẻng an ninh", "Trần Thị Lan")],
        "owner-person-before-verb",
    ),
    # Unquoted capitalised titles.
    (
        "Ban Chỉ đạo biểu dương mô hình Khéo trong vận động nhân dân giữ gìn vệ sinh môi trường.",
        [("Khéo trong vận động nhân dân giữ gìn vệ sinh môi trường", None)],
        "unquoted-to-sentence-end",
    ),
    (
        "Phường duy trì mô hình Câu lạc bộ dưỡng sinh người cao tuổi của Hội Người cao tuổi phường.",
        [("Câu lạc bộ dưỡng sinh người cao tuổi", "Hội Người cao tuổi phường")],
        "unquoted-owner-last-cua",
    ),
    (
        "Phường nhân rộng mô hình Tủ bánh mì 0 đồng nhằm hỗ trợ người lao động nghèo.",
        [("Tủ bánh mì 0 đồng", "Phường")],
        "unquoted-stops-before-nham",
    ),
    (
        "Tổ dân phố 7 có mô hình Nhặt rác vì môi trường; Tổ dân phố 8 có câu lạc bộ văn nghệ.",
        [("Nhặt rác vì môi trường", None)],
        "unquoted-stops-at-semicolon",
    ),
    (
        "Đoàn viên tham gia mô hình Góc học tập cho em với sự đồng hành của các nhà hảo tâm.",
        [("Góc học tập cho em", None)],
        "unquoted-stops-before-voi",
    ),
    (
        "Phường thực hiện mô hình Chợ văn minh thương mại của Ban quản lý chợ Tân Định và tiểu thương.",
        [("Chợ văn minh thương mại", "Ban quản lý chợ Tân Định và tiểu thương")],
        "unquoted-owner-with-va",
    ),
    # Several models in one sentence.
    (
        "Phường có mô hình “Tổ tự quản đường hoa” và mô hình “Camera giám sát” ở khu phố 3.",
        [("Tổ tự quản đường hoa", None), ("Camera giám sát", None)],
        "two-quoted-in-one-sentence",
    ),
    # Lists after a colon.
    (
        "Năm qua, phường đã xây dựng các mô hình: Tổ tự quản môi trường; Hẻm văn minh; Nhà sạch vườn đẹp.",
        [("Tổ tự quản môi trường", None), ("Hẻm văn minh", None), ("Nhà sạch vườn đẹp", None)],
        "list-semicolons",
    ),
    (
        "Các mô hình tiêu biểu: Bếp ăn tình thương; Tủ thuốc nhân đạo; Quỹ học bổng khuyến học.",
        [("Bếp ăn tình thương", None), ("Tủ thuốc nhân đạo", None), ("Quỹ học bổng khuyến học", None)],
        "list-tieu-bieu",
    ),
    (
        "Hội Phụ nữ duy trì các mô hình như: vốn ủy thác, góp vốn xoay vòng, tổ hợp tác,… đã giúp nhiều "
        "chị em thoát nghèo.",
        [("vốn ủy thác", None), ("góp vốn xoay vòng", None), ("tổ hợp tác", None)],
        "list-nhu-commas",
    ),
    (
        "Phường có nhiều mô hình hay được quận khen thưởng gồm: Tổ hòa giải giỏi; Khu phố không ma túy.",
        [("Tổ hòa giải giỏi", None), ("Khu phố không ma túy", None)],
        "list-gom-trigger-earlier",
    ),
    (
        "Các mô hình: Đèn đường chiếu sáng của Chi bộ khu phố 2; Giếng nước sạch của Hội Cựu chiến binh.",
        [
            ("Đèn đường chiếu sáng", "Chi bộ khu phố 2"),
            ("Giếng nước sạch", "Hội Cựu chiến binh"),
        ],
        "list-items-with-owners",
    ),
    (
        "Các công trình thanh niên: tuyến hẻm sáng, sân chơi thiếu nhi, bức tranh bích họa.",
        [("tuyến hẻm sáng", None), ("sân chơi thiếu nhi", None), ("bức tranh bích họa", None)],
        "list-cong-trinh-two-words-before-colon",
    ),
    (
        "Đoàn phường ra mắt các mô hình: mô hình “Tuổi trẻ giữ đường”; mô hình “Chủ nhật vì cộng đồng”.",
        [("Tuổi trẻ giữ đường", None), ("Chủ nhật vì cộng đồng", None)],
        "list-items-start-with-trigger",
    ),
    (
        "Các điển hình: ông Lê Văn Hai; bà Nguyễn Thị Ba.",
        [("ông Lê Văn Hai", None), ("bà Nguyễn Thị Ba", None)],
        "list-dien-hinh-people",
    ),
    # Colons that do not open a list of models.
    (
        "Phường có mô hình “Nhà nhân ái” và đạt kết quả trên 5 lĩnh vực: kinh tế; văn hóa; xã hội.",
        [("Nhà nhân ái", None)],
        "colon-after-other-noun",
    ),
    (
        "Kết quả: phường đã vận động xây dựng 2 căn nhà tình thương.",
        [],
        "colon-no-trigger",
    ),
    (
        "Các mô hình của các đoàn thể chính trị - xã hội trên địa bàn phường trong thời gian qua: "
        "hoạt động hiệu quả.",
        [],
        "too-many-words-before-colon",
    ),
    # Not models: the campaign's own name, lower-case text, themes.
    (
        "Năm 2023, phường có 12 mô hình “Dân vận khéo” được công nhận.",
        [],
        "campaign-name-not-title",
    ),
    (
        'Quận đã công nhận 26 mô hình "Dân vận khéo" cấp quận.',
        [],
        "campaign-name-straight-quotes",
    ),
    (
        "Phường biểu dương các mô hình, điển hình “Dân vận khéo” tiêu biểu năm 2024.",
        [],
        "trigger-pair-campaign",
    ),
    (
        "Hội nghị đề ra giải pháp xây dựng mô hình hộ gia đình an toàn về phòng cháy chữa cháy.",
        [],
        "lower-case-unquoted",
    ),
    (
        "Công trình được khởi công từ tháng 3 và hoàn thành đúng tiến độ.",
        [],
        "bare-cong-trinh",
    ),
    (
        "Hội thi có chủ đề “Phụ nữ phường tự tin, sáng tạo, hội nhập”.",
        [],
        "theme-without-trigger",
    ),
    (
        "Đoàn viên thanh niên phường hưởng ứng Tháng Thanh niên năm 2024 với nhiều hoạt động ý nghĩa.",
        [],
        "no-trigger-at-all",
    ),
    # More owners, titles and lists.
    _case(
        "Sáng 12/5, Hội Cựu chiến binh phường ra mắt “Tổ tự quản an ninh trật tự khu phố 4”.",
        [("Tổ tự quản an ninh trật tự khu phố 4", "Hội Cựu chiến binh phường")],
        id="owner-after-date-adverbial",
        was="owner before the verb keeps the leading time adverbial 'Sáng 12/5,'",
    ),
    _case(
        "Năm 2024, Hội Phụ nữ phường thực hiện mô hình “Phụ nữ phường nói không với túi ni lông”.",
        [("Phụ nữ phường nói không với túi ni lông", "Hội Phụ nữ phường")],
        id="owner-after-year-adverbial",
        was="owner before the verb keeps the leading time adverbial 'Năm 2024,'",
    ),
    _case(
        "Chi đoàn khu phố 3 ra quân thực hiện mô hình “Ngày Chủ nhật xanh” tại các tuyến hẻm.",
        [("Ngày Chủ nhật xanh", "Chi đoàn khu phố 3")],
        id="owner-before-two-verbs",
        was="owner before the verb keeps an earlier verb: 'Chi đoàn khu phố 3 ra quân'",
    ),
    _case(
        "Khối vận phường đăng ký với mô hình Khéo trong vận động nhân dân giữ gìn vệ sinh môi trường.",
        [("Khéo trong vận động nhân dân giữ gìn vệ sinh môi trường", "Khối vận phường")],
        id="owner-before-dang-ky-voi",
        was="owner before 'với' keeps the verb: 'Khối vận phường đăng ký'",
    ),
    (
        "Phường tuyên dương mô hình Tổ an ninh của khu phố 2 của Công an phường.",
        [("Tổ an ninh của khu phố 2", "Công an phường")],
        "unquoted-last-cua-is-owner",
    ),
    (
        "Đoàn phường biểu dương các mô hình: Thư viện xanh; Góc đọc sách cộng đồng; Sân chơi an toàn…",
        [("Thư viện xanh", None), ("Góc đọc sách cộng đồng", None), ("Sân chơi an toàn", None)],
        "list-trailing-ellipsis",
    ),
    (
        "Kinh tế phát triển ổn định; các mô hình hiệu quả gồm có: Nuôi cá lồng; Trồng nấm sạch.",
        [("Nuôi cá lồng", None), ("Trồng nấm sạch", None)],
        "list-clause-after-semicolon",
    ),
    (
        "Các mô hình do hội viên tự quản: tổ tiết kiệm; nhóm tín dụng.",
        [],
        "four-words-before-colon-not-list",
    ),
    (
        "Hội Chữ thập đỏ phường ra mắt “Bếp cháo dinh dưỡng” của bệnh viện quận.",
        [("Bếp cháo dinh dưỡng", "bệnh viện quận")],
        "owner-cua-wins-over-owner-before",
    ),
    # Across sentences: each sentence read on its own.
    (
        "Phường thực hiện mô hình “Cây ATM gạo”. Đoàn viên tham gia mô hình Hũ gạo tình thương của Hội Chữ thập đỏ.",
        [("Cây ATM gạo", "Phường"), ("Hũ gạo tình thương", "Hội Chữ thập đỏ")],
        "two-sentences",
    ),
    # An owner after "do" ("by") ends before the verb that follows it.
    (
        "Mô hình “Tuyến đường nở hoa” do Hội LHPN phường thực hiện đã mang lại hiệu quả.",
        [("Tuyến đường nở hoa", "Hội LHPN phường")],
        "owner-after-do",
    ),
    (
        "Thời gian qua, các mô hình: “Thắp sáng đường quê” của Đoàn Thanh niên xã; “Camera an ninh” do "
        "Ban Công tác Mặt trận thôn Thọ Trung vận động lắp đặt 16 mắt camera đã phát huy hiệu quả.",
        [
            ("Thắp sáng đường quê", "Đoàn Thanh niên xã"),
            ("Camera an ninh", "Ban Công tác Mặt trận thôn Thọ Trung"),
        ],
        "list-item-owner-after-do",
    ),
    (
        "Mô hình “Nhà sạch” do dịch bệnh nên tạm dừng.",
        [("Nhà sạch", None)],
        "do-meaning-because-is-no-owner",
    ),
    # "Điển hình như …" gives an example, not titles; a list after "như" starts with a capital.
    (
        "Điển hình như gia đình ông Đỗ Văn Tư ở xóm 5, thôn Tây Sơn đã tự nguyện tháo dỡ tường rào.",
        [],
        "example-opener-lower-case",
    ),
    (
        "Điển hình như Hội LHPN phường, Đoàn Thanh niên phường đã vận động được nhiều hộ.",
        [],
        "example-opener-capitalised",
    ),
    (
        "Các mô hình như hũ gạo tình thương được duy trì.",
        [],
        "list-after-nhu-needs-a-capital",
    ),
    # Several quoted titles after one trigger: one model each, each with its own owner.
    (
        "Các mô hình “Tổ dân phố bình yên” của Đoàn Thanh niên phường, “Giáo dân chung tay” của Ban đoàn kết"
        " Công giáo phường và “Nhà văn hóa – địa chỉ tin cậy của Nhân dân” của Hội Cựu chiến binh phường tiếp tục"
        " phát huy hiệu quả.",
        [
            ("Tổ dân phố bình yên", "Đoàn Thanh niên phường"),
            ("Giáo dân chung tay", "Ban đoàn kết Công giáo phường"),
            ("Nhà văn hóa – địa chỉ tin cậy của Nhân dân", "Hội Cựu chiến binh phường"),
        ],
        "quoted-chain-with-owners",
    ),
    (
        "Các mô hình được nhân rộng gồm: “Thắp sáng đường quê”; “Tổ tự quản” và “Mỗi hội viên một cây ăn quả”.",
        [("Thắp sáng đường quê", None), ("Tổ tự quản", None), ("Mỗi hội viên một cây ăn quả", None)],
        "list-item-of-two-quotes",
    ),
    (
        "Hội Phụ nữ phường thực hiện mô hình “Nuôi heo đất” và “Tiết kiệm vì phụ nữ nghèo”.",
        [("Nuôi heo đất", "Hội Phụ nữ phường"), ("Tiết kiệm vì phụ nữ nghèo", "Hội Phụ nữ phường")],
        "quoted-chain-owner-before-trigger",
    ),
    # A list announcing more models than its ";" items: the last items are joined by "và".
    (
        "Phường ra mắt 03 mô hình mới gồm: “Bữa cơm nghĩa tình” của Hội Phụ nữ phường; “Tủ sách cộng đồng”"
        " của Đoàn Thanh niên phường và Tiếp sức người bệnh nghèo do Hội Chữ thập đỏ phường thực hiện.",
        [
            ("Bữa cơm nghĩa tình", "Hội Phụ nữ phường"),
            ("Tủ sách cộng đồng", "Đoàn Thanh niên phường"),
            ("Tiếp sức người bệnh nghèo", "Hội Chữ thập đỏ phường"),
        ],
        "announced-count-splits-va",
    ),
    (
        "Phường có 2 mô hình gồm: “Bữa cơm” của Hội Phụ nữ và Đoàn Thanh niên; “Tủ sách” của Hội CCB.",
        [("Bữa cơm", "Hội Phụ nữ và Đoàn Thanh niên"), ("Tủ sách", "Hội CCB")],
        "announced-count-met-keeps-joint-owners",
    ),
    # A list after "như" a few words after the trigger; an inner list wins over its outer label.
    (
        "Nhiều mô hình khuyến học được duy trì như “Quỹ khuyến học” của dòng họ Lê, “Góc học tập” của Đoàn"
        " Thanh niên xã.",
        [("Quỹ khuyến học", "dòng họ Lê"), ("Góc học tập", "Đoàn Thanh niên xã")],
        "list-after-nhu-five-words-on",
    ),
    (
        "- Xây dựng mô hình: duy trì các mô hình như: tổ hợp tác trồng lúa, chăn nuôi bò vỗ béo; Chi hội"
        " buôn Ơi Jứ ra mắt mô hình “Nông dân làm đường”.",
        [
            ("tổ hợp tác trồng lúa", None),
            ("chăn nuôi bò vỗ béo", None),
            ("Nông dân làm đường", "Chi hội buôn Ơi Jứ"),
        ],
        "inner-list-ends-before-a-new-clause",
    ),
    # A list without a colon ends before a ";" clause with its own trigger.
    (
        "Phường duy trì các mô hình như Tổ tự quản về an ninh trật tự, Ngõ phố văn minh, Bữa cơm nghĩa tình;"
        " riêng mô hình Camera an ninh của Công an phường đã lắp 186 camera.",
        [
            ("Tổ tự quản về an ninh trật tự", None),
            ("Ngõ phố văn minh", None),
            ("Bữa cơm nghĩa tình", None),
            ("Camera an ninh", "Công an phường"),
        ],
        "list-without-colon-before-clause",
    ),
    # A quoted list item is its quotation; an owner ends at a comma that opens no address.
    (
        "Hội duy trì các mô hình: “Tiết kiệm”; “Góp vốn xoay vòng” với tổng số vốn khoảng 20 triệu đồng;"
        " “Nuôi heo đất” của Chi hội 3.",
        [("Tiết kiệm", None), ("Góp vốn xoay vòng", None), ("Nuôi heo đất", "Chi hội 3")],
        "quoted-item-with-trailing-words",
    ),
    (
        "Huyện thực hiện 03 công trình thanh niên gồm: công trình “Thắp sáng đường quê” dài 1,2 km; công trình"
        " thanh niên “Sân chơi cho em” tại ấp Tân Hòa và công trình “Tủ sách dùng chung” của Chi đoàn ấp Cây"
        " Điệp, tổng kinh phí gần 85 triệu đồng.",
        [
            ("Thắp sáng đường quê", None),
            ("Sân chơi cho em", None),
            ("Tủ sách dùng chung", "Chi đoàn ấp Cây Điệp"),
        ],
        "announced-split-before-trigger-and-owner-comma",
    ),
    (
        "Khối vận phường duy trì mô hình “Dân vận khéo” “Ngày thứ Bảy cùng dân” của Khối vận phường.",
        [("Ngày thứ Bảy cùng dân", "Khối vận phường")],
        "campaign-type-then-title",
    ),
    # An open list goes on in the next paragraph; an owner may be a person with an honorific.
    (
        "Các mô hình: Khéo trong hiến đất của Đảng ủy xã Gia Lâm; ...\n\nKhéo trong xây dựng thôn kiểu mẫu"
        " của Chi bộ thôn Đạ Ty, xã Đạ Đờn; Khéo trong tuyên truyền bảo hiểm y tế của đồng chí Kră Jăn Ha Thúy"
        " - Bí thư Chi bộ.",
        [
            ("Khéo trong hiến đất", "Đảng ủy xã Gia Lâm"),
            ("Khéo trong xây dựng thôn kiểu mẫu", "Chi bộ thôn Đạ Ty, xã Đạ Đờn"),
            ("Khéo trong tuyên truyền bảo hiểm y tế", "đồng chí Kră Jăn Ha Thúy - Bí thư Chi bộ"),
        ],
        "continuation-owner-with-honorific",
    ),
    (
        "Ông duy trì mô hình ‘Tủ gạo nghĩa tình’ của tổ dân phố.",
        [("Tủ gạo nghĩa tình", "tổ dân phố")],
        "single-quotation-marks",
    ),
    # The criteria that explain a numbered name are no models.
    (
        "Hội LHPN xã ra mắt mô hình “3 có, 2 sạch” với các tiêu chí: có việc làm, có nhà ở an toàn, sạch nhà,"
        " sạch đường.",
        [("3 có, 2 sạch", "Hội LHPN xã")],
        "criteria-after-tieu-chi",
    ),
    _case(
        "Các mô hình “5 có, 3 sạch” gồm: có nhà an toàn, có sức khỏe, sạch nhà, sạch bếp, sạch ngõ.",
        [("5 có, 3 sạch", None)],
        id="criteria-listed-after-a-plural-trigger",
        was="the criteria were split into five models",
    ),
    _case(
        "Mô hình “Gia đình 5 có, 3 sạch” gồm: có ngôi nhà an toàn; có việc làm; sạch nhà, sạch bếp, sạch ngõ.",
        [("Gia đình 5 có, 3 sạch", None)],
        id="singular-trigger-explains-one-model",
        was="a singular model's contents after 'gồm:' were read as a list of models",
    ),
    # A kind of model with no name.
    _case(
        "Hội Nông dân xây dựng các mô hình sinh kế: nuôi bò sinh sản, trồng rau an toàn.",
        [],
        id="list-of-a-kind",
        was="the activities of 'các mô hình sinh kế:' were read as titles",
    ),
    _case(
        "Phường duy trì các mô hình: mô hình sản xuất tốt; mô hình “Bếp ăn 0 đồng”.",
        [("Bếp ăn 0 đồng", None)],
        id="item-of-an-unnamed-kind",
        was="'mô hình sản xuất tốt' gave the title 'sản xuất tốt'",
    ),
    _case(
        "Năm 2020 toàn phường có 23 mô hình Dân vận khéo rải đều ở tất cả các lĩnh vực như: Chỉnh trang đô thị,"
        " phát triển kinh tế, văn hóa - giáo dục,…",
        [],
        id="list-of-another-plural-noun",
        was="the fields listed after 'các lĩnh vực như:' were read as models",
    ),
    _case(
        "Nhiều mô hình, điển hình “Dân vận khéo” đã khơi dậy sức dân, điển hình như: Mô hình vận động người dân"
        " hiến đất làm đường; lắp đặt camera an ninh.",
        [],
        id="examples-after-dien-hinh-nhu-colon",
        was="'điển hình như:' (for example) opened a list of models",
    ),
    (
        "Từ đó đã xuất hiện nhiều mô hình mới, nhiều cá nhân điển hình tiêu biểu như: mô hình “Làm cổng chào”;"
        " khu dân cư bảo vệ môi trường.",
        [("Làm cổng chào", None), ("khu dân cư bảo vệ môi trường", None)],
        "list-of-models-and-exemplars",
    ),
    # Items: a quotation after a few lower-case words is the title; a label and its owner.
    _case(
        "Nhiều mô hình “Dân vận khéo” tiêu biểu được vinh danh, như: những buổi “Cà phê sáng” trao đổi giữa chính"
        " quyền và người dân; mô hình “10 bản chứng thực - 15 phút trả” của Trung tâm Phục vụ hành chính công"
        " phường.",
        [
            ("Cà phê sáng", None),
            ("10 bản chứng thực - 15 phút trả", "Trung tâm Phục vụ hành chính công phường"),
        ],
        id="item-quotation-after-lower-case-words",
        was="the whole item, words around the quotation included, was the title",
    ),
    _case(
        "- Mô hình trồng sen kết hợp du lịch: HTX Sen Việt, xã An Phú, huyện Tam Nông.",
        [("trồng sen kết hợp du lịch", "HTX Sen Việt")],
        id="label-then-owner-and-place",
        was="the owner and the place after the colon were read as two models",
    ),
    _case(
        "Mô hình Tổ tự quản: Chi hội Phụ nữ khu phố 3.",
        [("Tổ tự quản", "Chi hội Phụ nữ khu phố 3")],
        id="capitalised-label-then-owner",
        was="the unquoted title ran past the colon into its owner",
    ),
    # A title of figures; a quotation after other verbs than "ra mắt" is no model.
    (
        "Hội LHPN xã Tân Phong đã ra mắt mô hình 1+1 và mô hình “3 có, 3 biết”.",
        [("1+1", "Hội LHPN xã Tân Phong"), ("3 có, 3 biết", None)],
        "title-of-figures",
    ),
    _case(
        "Phong trào thi đua được triển khai gắn với “5 không, 3 sạch”.",
        [],
        id="quotation-after-voi",
        was="any quotation after 'với' was a model owned by the words before it",
    ),
    ("Biểu dương 20 gương điển hình “Người tốt, việc tốt” năm 2023.", [], "guong-dien-hinh-known-campaign"),
    _case(
        "Quận có 4 mô hình được nhân rộng gồm: “Phân loại rác thải tái chế, xây dựng quỹ an sinh xã hội”,"
        " “10 ngàn - Vạn yêu thương”, “Lắp đặt hộp chữa cháy công cộng”.",
        [
            ("Phân loại rác thải tái chế, xây dựng quỹ an sinh xã hội", None),
            ("10 ngàn - Vạn yêu thương", None),
            ("Lắp đặt hộp chữa cháy công cộng", None),
        ],
        id="comma-inside-a-quoted-item",
        was="a list split on the comma inside a quoted title",
    ),
    _case(
        "Mô hình “Dân vận khéo 1+10” giúp nhiều hộ dân có thêm kiến thức.",
        [("Dân vận khéo 1+10", None)],
        id="quoted-title-longer-than-a-campaign-name",
        was="a quoted title that begins with a campaign's name was taken for the campaign",
    ),
    (
        "Mô hình 5 có 3 sạch sẽ hoạt động với nhiều nội dung như: Tuyên truyền chủ trương của Hội.",
        [],
        "sentence-with-colon-is-no-label",
    ),
    # In a list of works, a campaign and the words that introduce it are the campaign's; a plural
    # trigger before lower-case words is a kind of model (r133).
    _case(
        "Kết quả và hướng thực hiện năm 2026: Các khu dân cư đã đăng ký 57 công trình xây dựng, bao gồm: Khu dân"
        " cư Văn minh – Tự quản – Nghĩa tình, các mô hình an sinh xã hội, hưởng ứng phong trào “Thành phố muôn"
        " sắc hoa”, góp phần thực hiện hiệu quả cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị"
        " văn minh”.",
        [("Khu dân cư Văn minh – Tự quản – Nghĩa tình", None)],
        id="campaign-items-and-a-kind-in-a-list-of-works",
        was="'hưởng ứng phong trào “…”', 'thực hiện cuộc vận động “…”' and 'các mô hình an sinh xã hội' were titles",
    ),
    (
        "Các hội đoàn thể duy trì những mô hình giảm nghèo, mô hình “Bếp ăn tình thương”, mô hình"
        " “Tủ sách dùng chung”.",
        [("Bếp ăn tình thương", None), ("Tủ sách dùng chung", None)],
        "plural-kind-before-quoted-titles",
    ),
    # A name given after the type ("mô hình “Dân vận khéo”") or after the trigger: "với tên gọi “…”".
    _case(
        "Sáng nay 31.3, UBND phường Thanh Hà, TP Hội An tổ chức lễ ra mắt mô hình “Dân vận khéo” với tên gọi"
        " “Tổ Tuần tra nhân dân và tự quản về an ninh, trật tự”, gọi tắt là mô hình “Tổ Tuần tra – Tự quản”.",
        [
            ("Tổ Tuần tra nhân dân và tự quản về an ninh, trật tự", "UBND phường Thanh Hà, TP Hội An"),
            ("Tổ Tuần tra – Tự quản", None),
        ],
        id="name-given-after-the-campaign-type",
        was="the quote after 'với tên gọi' was read as no title (r132)",
    ),
    (
        "Năm 1991, cấp uỷ, chính quyền huyện Yên Thuỷ củng cố phong trào quần chúng bảo vệ an ninh Tổ quốc thông"
        ' qua việc đổi mới mô hình "Tổ lũy tre xanh” thành mô hình mới với tên gọi " Tổ liên gia tự quản” ở KDC.',
        [("Tổ lũy tre xanh", None), ("Tổ liên gia tự quản", None)],
        "name-given-after-the-trigger",
    ),
    # An ellipsis closes a list: the last unquoted title ends there, even with no space after it.
    (
        "Ngoài ra còn thực hiện tốt các mô hình có hiệu quả như mô hình làm hàng rào, cổng ngõ, mô hình vận"
        " động mua bảo hiểm y tế, mô hình Ngày thứ Bảy đại đoàn kết…được nhân dân đồng tình hưởng ứng.",
        [("Ngày thứ Bảy đại đoàn kết", None)],
        "title-ends-at-an-ellipsis",
    ),
]


@pytest.mark.parametrize(("text", "expected"), table_rows(CASES))
def test_model(text: str, expected: list) -> None:
    doc = build_document("t.txt", text)
    got = [(m.fields["title"], m.fields["owner"]) for m in find_all(doc, ["model"])["model"]]
    assert got == expected


# The evidence span holds the title's words: (text, title).
SPAN_CASES: list = [
    (
        "Năm 2024, phường triển khai mô hình “Đồng phục chắp cánh ước mơ” tặng đồng phục.",
        "Đồng phục chắp cánh ước mơ",
        "span-quoted",
    ),
    (
        "Hội Phụ nữ phường thực hiện mô hình “Tiết kiệm vì chị em nghèo” từ năm 2020.",
        "Tiết kiệm vì chị em nghèo",
        "span-owner-before",
    ),
    (
        "Phường duy trì mô hình Câu lạc bộ dưỡng sinh người cao tuổi của Hội Người cao tuổi phường.",
        "Câu lạc bộ dưỡng sinh người cao tuổi",
        "span-unquoted-with-owner",
    ),
    (
        "Các mô hình tiêu biểu: Bếp ăn tình thương; Tủ thuốc nhân đạo.",
        "Tủ thuốc nhân đạo",
        "span-list-item",
    ),
    (
        "Chi đoàn khu phố 3 ra quân thực hiện mô hình “Ngày Chủ nhật   xanh” tại các tuyến hẻm.",
        "Ngày Chủ nhật xanh",
        "span-collapsed-whitespace",
    ),
]


@pytest.mark.parametrize(("text", "title"), table_rows(SPAN_CASES))
def test_model_span_holds_title(text: str, title: str) -> None:
    doc = build_document("t.txt", text)
    mentions = [m for m in find_all(doc, ["model"])["model"] if m.fields["title"] == title]
    assert len(mentions) == 1
    m = mentions[0]
    evidence = " ".join(doc.text[m.start : m.end].split())
    assert title in evidence
    assert 0 <= m.start < m.end <= len(doc.text)
