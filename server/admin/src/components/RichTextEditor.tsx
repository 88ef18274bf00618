import { useRef, useState } from 'react';
import { App, Button, Space, Tooltip } from 'antd';
import { BoldOutlined, ItalicOutlined, OrderedListOutlined, PictureOutlined, RedoOutlined, UndoOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { uploadImage } from './uploadImage';

interface Props {
  /** HTML; only read when the editor is created. */
  value?: string;
  onChange?: (html: string) => void;
}

/**
 * The product description: paragraphs, headings, bold/italic, lists, quotes and uploaded pictures,
 * edited with Tiptap; its value is HTML, which the server sanitizes before storing.
 */
export default function RichTextEditor({ value = '', onChange }: Props) {
  const { message } = App.useApp();
  const fileInput = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const editor = useEditor({
    // only what the server keeps (docs/images.md): no links, code or underline
    extensions: [StarterKit.configure({ code: false, codeBlock: false, link: false, underline: false, heading: { levels: [2, 3] } }), Image],
    content: value,
    onUpdate: ({ editor: e }) => onChange?.(e.isEmpty ? '' : e.getHTML()),
    editorProps: { attributes: { class: 'rich-text-content', 'aria-label': '商品详情' } },
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
    }),
  });

  const insertPicture = async (file: File | undefined) => {
    if (!file || !editor) return;
    setUploading(true);
    try {
      const image = await uploadImage(file);
      editor.chain().focus().setImage({ src: image.url, alt: '' }).run();
    } catch (e) {
      message.error(e instanceof Error ? e.message : '上传失败');
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const tool = (label: string, icon: React.ReactNode, active: boolean, run: () => void) => (
    <Tooltip title={label}>
      <Button size="small" type={active ? 'primary' : 'text'} icon={icon} aria-label={label} aria-pressed={active} onClick={run} disabled={!editor} />
    </Tooltip>
  );

  return (
    <div className="rich-text-editor">
      <Space size={2} className="rich-text-toolbar" wrap>
        {tool('加粗', <BoldOutlined />, state?.bold ?? false, () => editor?.chain().focus().toggleBold().run())}
        {tool('斜体', <ItalicOutlined />, state?.italic ?? false, () => editor?.chain().focus().toggleItalic().run())}
        <Button size="small" type={state?.h3 ? 'primary' : 'text'} aria-label="小标题" aria-pressed={state?.h3 ?? false} onClick={() => editor?.chain().focus().toggleHeading({ level: 3 }).run()}>
          标题
        </Button>
        {tool('无序列表', <UnorderedListOutlined />, state?.bullet ?? false, () => editor?.chain().focus().toggleBulletList().run())}
        {tool('有序列表', <OrderedListOutlined />, state?.ordered ?? false, () => editor?.chain().focus().toggleOrderedList().run())}
        {tool('插入图片', <PictureOutlined />, false, () => fileInput.current?.click())}
        {tool('撤销', <UndoOutlined />, false, () => editor?.chain().focus().undo().run())}
        {tool('重做', <RedoOutlined />, false, () => editor?.chain().focus().redo().run())}
        {uploading ? <span className="rich-text-uploading">图片上传中…</span> : null}
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        className="rich-text-file"
        aria-label="插入详情图片"
        style={{ display: 'none' }}
        onChange={(e) => void insertPicture(e.target.files?.[0])}
      />
      <EditorContent editor={editor} />
    </div>
  );
}
