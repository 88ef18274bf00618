import { useRef, useState } from 'react';
import { App, Button, Tag, Upload } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { arrayMove, rectSortingStrategy, SortableContext, sortableKeyboardCoordinates, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { uploadImage, thumbOf, MAX_GALLERY } from './uploadImage';

interface Props {
  /** Gallery URLs (the 800 px variants), the cover first. */
  value?: string[];
  onChange?: (value: string[]) => void;
}

function Tile({ url, index, onCover, onRemove }: { url: string; index: number; onCover: () => void; onRemove: () => void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: url });
  return (
    <div
      ref={setNodeRef}
      className="gallery-tile"
      data-url={url}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1 }}
      {...attributes}
      {...listeners}
    >
      <img src={thumbOf(url)} alt={`商品图 ${index + 1}`} draggable={false} />
      {index === 0 ? (
        <Tag className="gallery-cover" color="red">
          封面
        </Tag>
      ) : null}
      <div className="gallery-actions" onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        {index > 0 ? (
          <Button size="small" className="gallery-make-cover" onClick={onCover}>
            设为封面
          </Button>
        ) : null}
        <Button size="small" danger icon={<DeleteOutlined />} aria-label="删除图片" className="gallery-remove" onClick={onRemove} />
      </div>
    </div>
  );
}

/**
 * A product's pictures: upload (several at once), drag to order, the first is the cover.
 * A form control: `value` is the list of uploaded URLs.
 */
export default function ImageGallery({ value = [], onChange }: Props) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(0);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  // uploads finish one by one: each adds to the list as it is then
  const latest = useRef(value);
  latest.current = value;
  const set = (next: string[]) => {
    latest.current = next;
    onChange?.(next);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    set(arrayMove(value, value.indexOf(String(active.id)), value.indexOf(String(over.id))));
  };

  const upload = async (file: File) => {
    setUploading((n) => n + 1);
    try {
      const image = await uploadImage(file);
      if (latest.current.includes(image.url)) message.info('这张图片已在图集中');
      else if (latest.current.length >= MAX_GALLERY) message.error(`商品图片最多 ${MAX_GALLERY} 张`);
      else set([...latest.current, image.url]);
    } catch (e) {
      message.error(`${file.name}：${e instanceof Error ? e.message : '上传失败'}`);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  return (
    <div className="image-gallery">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={value} strategy={rectSortingStrategy}>
          {value.map((url, i) => (
            <Tile key={url} url={url} index={i} onCover={() => set([url, ...value.filter((u) => u !== url)])} onRemove={() => set(value.filter((u) => u !== url))} />
          ))}
        </SortableContext>
      </DndContext>
      {value.length < MAX_GALLERY ? (
        <Upload
          accept="image/jpeg,image/png,image/webp"
          multiple
          showUploadList={false}
          customRequest={({ file }) => void upload(file as File)}
          className="gallery-upload"
        >
          <button type="button" className="gallery-add">
            <PlusOutlined />
            <div>{uploading > 0 ? `上传中（${uploading}）` : '上传图片'}</div>
          </button>
        </Upload>
      ) : null}
    </div>
  );
}
